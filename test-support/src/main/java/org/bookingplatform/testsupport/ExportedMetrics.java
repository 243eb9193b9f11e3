package org.bookingplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The table of deploy/k8s/base/observability/metrics-by-service.txt (every metric the dashboard
 * and the alert rules query, and which service exports it), and the check that a running service
 * exports each metric the table gives it, by scraping its Prometheus endpoint.
 */
public final class ExportedMetrics {

    public static final String TABLE = "deploy/k8s/base/observability/metrics-by-service.txt";

    private ExportedMetrics() {
    }

    /** Metric name to the services that export it, in the table's order. */
    public static Map<String, Set<String>> table() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (String line : read(repositoryRoot().resolve(TABLE)).split("\n")) {
            String row = line.strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split("\\s+", 2);
            table.put(cells[0], Arrays.stream(cells[1].split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new)));
        }
        return table;
    }

    /** The metrics the table attributes to {@code service}. */
    public static Set<String> of(String service) {
        return table().entrySet().stream().filter(e -> e.getValue().contains(service)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The sample names of a Prometheus text exposition ({@code name{labels} value}, comments skipped). */
    public static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    /**
     * Scrapes {@code metricsUrl} and fails, naming them, if any metric the table gives {@code service}
     * is missing. The scrape is kept in target/metrics-{@code service}.txt, to read when it fails.
     */
    public static void assertExported(String service, URI metricsUrl) {
        String scraped = scrape(metricsUrl);
        write(Path.of("target", "metrics-" + service + ".txt"), scraped);
        Set<String> exported = sampleNames(scraped);
        Set<String> missing = new TreeSet<>(of(service));
        missing.removeAll(exported);
        assertEquals(Set.of(), missing, service + " does not export these metrics that " + TABLE + " gives it");
    }

    public static String scrape(URI metricsUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(metricsUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET " + metricsUrl);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository root, whether the tests run from it or from a module's folder. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(TABLE))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + TABLE + " above " + here);
    }

    private static void write(Path path, String content) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
