import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The load benchmark's figures and chart, from the simulations' event logs (EventLog.java's lines).
 * Usage: java Report.java JOURNEY_EVENTS RATIO_EVENTS WARMUP_S SECONDS RATIO_WARMUP_S RATE SVG WINDOW_FILE
 * Prints the figures; writes the chart (SVG: latency and throughput per second over the whole run)
 * and the measured window (two epoch-ms numbers) that run.sh reads the CPU samples of.
 * Percentiles are exact (nearest rank over every request of the window).
 */
public class Report {

    record Event(long end, String step, long rt, int status, boolean ok, long journeyStart) {
        static Event parse(String line) {
            String[] f = line.split(",");
            return new Event(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), Integer.parseInt(f[3]), f[4].equals("1"), Long.parseLong(f[5]));
        }
    }

    static final String CONFIRMED = "hold -> CONFIRMED";
    static final List<String> STEPS = List.of("sign up", "token", "search", "availability", "hold", "pay", "booking status");

    public static void main(String[] args) throws IOException {
        List<Event> journey = read(Path.of(args[0]));
        List<Event> ratio = read(Path.of(args[1]));
        long warmupMs = Long.parseLong(args[2]) * 1000, measuredMs = Long.parseLong(args[3]) * 1000;
        long ratioWarmupMs = Long.parseLong(args[4]) * 1000;
        double rate = Double.parseDouble(args[5]);
        if (journey.isEmpty()) {
            throw new IllegalStateException("no journey events in " + args[0]);
        }
        long t0 = journey.stream().mapToLong(Event::journeyStart).min().orElseThrow();
        long from = t0 + warmupMs, to = from + measuredMs;
        Files.writeString(Path.of(args[7]), from + " " + to + "\n");
        List<Event> window = journey.stream().filter(e -> e.journeyStart() >= from && e.journeyStart() < to).toList();

        long started = window.stream().filter(e -> e.step().equals("sign up")).count();
        List<Event> confirmations = window.stream().filter(e -> e.step().equals(CONFIRMED)).toList();
        long confirmed = confirmations.stream().filter(Event::ok).count();
        List<Event> requests = window.stream().filter(e -> !e.step().equals(CONFIRMED)).toList();
        double seconds = measuredMs / 1000.0;
        System.out.printf(Locale.ROOT, "journeys: %.1f/s offered for %.0f s after %d s of warm-up: %d started, %d CONFIRMED (%.2f/s), %d failed%n",
                rate, seconds, warmupMs / 1000, started, confirmed, confirmed / seconds, started - confirmed);
        System.out.printf(Locale.ROOT, "requests: %d in the measured journeys (%.1f/s), %d failed%n",
                requests.size(), requests.size() / seconds, requests.stream().filter(e -> !e.ok()).count());
        System.out.printf(Locale.ROOT, "  %-16s %7s %7s %9s %9s %9s %9s  %s%n", "step", "n", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "error statuses");
        for (String step : STEPS) {
            List<Event> of = requests.stream().filter(e -> e.step().equals(step)).toList();
            line(step, of);
        }
        List<Event> okConfirmations = confirmations.stream().filter(Event::ok).toList();
        System.out.printf(Locale.ROOT, "  %-16s %7d %7d %9s %9s %9s %9s  (from the hold's 201 to the first poll answering CONFIRMED; not confirmed in time: %d)%n",
                CONFIRMED, okConfirmations.size(), confirmations.size() - okConfirmations.size(), p(okConfirmations, 0.50),
                p(okConfirmations, 0.95), p(okConfirmations, 0.99), p(okConfirmations, 1.0), confirmations.size() - okConfirmations.size());

        System.out.println("direct versus gateway (the same anonymous search, back to back, first "
                + ratioWarmupMs / 1000 + " s of each dropped):");
        Map<String, double[]> phases = new LinkedHashMap<>();
        for (String step : List.of("search direct", "search via gateway")) {
            List<Event> all = ratio.stream().filter(e -> e.step().equals(step)).toList();
            if (all.isEmpty()) {
                continue;
            }
            long start = all.stream().mapToLong(Event::end).min().orElseThrow() + ratioWarmupMs;
            long end = all.stream().mapToLong(Event::end).max().orElseThrow();
            List<Event> measured = all.stream().filter(e -> e.end() >= start).toList();
            double rps = measured.size() / ((end - start) / 1000.0);
            System.out.printf(Locale.ROOT, "  %-20s %8.1f req/s  p50 %6s ms  p99 %6s ms  errors %d%n", step, rps,
                    p(measured, 0.5), p(measured, 0.99), measured.stream().filter(e -> !e.ok()).count());
            phases.put(step, new double[] {rps, Double.parseDouble(p(measured, 0.5)), Double.parseDouble(p(measured, 0.99))});
        }
        double[] d = phases.get("search direct"), g = phases.get("search via gateway");
        if (d != null && g != null) {
            System.out.printf(Locale.ROOT, "  ratio gateway/direct: throughput %.2f   p50 %.2f   p99 %.2f%n", g[0] / d[0], g[1] / d[1], g[2] / d[2]);
        }
        chart(journey, t0, warmupMs, Path.of(args[6]));
    }

    static List<Event> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Event::parse).toList();
    }

    static void line(String step, List<Event> of) {
        List<Event> ok = of.stream().filter(Event::ok).toList();
        String statuses = of.stream().filter(e -> !e.ok())
                .collect(Collectors.groupingBy(e -> e.status() == 0 ? "no answer" : String.valueOf(e.status()), TreeMap::new, Collectors.counting()))
                .toString();
        System.out.printf(Locale.ROOT, "  %-16s %7d %7d %9s %9s %9s %9s  %s%n", step, of.size(), of.size() - ok.size(),
                p(ok, 0.50), p(ok, 0.95), p(ok, 0.99), p(ok, 1.0), statuses.equals("{}") ? "" : statuses);
    }

    /** Nearest-rank percentile of the response times, "-" when there is none. */
    static String p(List<Event> events, double q) {
        long[] v = events.stream().mapToLong(Event::rt).sorted().toArray();
        if (v.length == 0) {
            return "-";
        }
        return String.valueOf(v[Math.max(0, (int) Math.ceil(q * v.length) - 1)]);
    }

    static double pv(List<Event> events, double q) {
        String s = p(events, q);
        return s.equals("-") ? Double.NaN : Double.parseDouble(s);
    }

    // ---- the chart: two panels sharing the time axis (seconds since the first journey) ----

    static void chart(List<Event> all, long t0, long warmupMs, Path svg) throws IOException {
        Map<Integer, List<Event>> bySecond = all.stream().collect(Collectors.groupingBy(e -> (int) ((e.end() - t0) / 1000), TreeMap::new, Collectors.toList()));
        int last = bySecond.keySet().stream().max(Comparator.naturalOrder()).orElse(0);
        Predicate<Event> request = e -> !e.step().equals(CONFIRMED);
        List<double[]> p50 = new ArrayList<>(), p95 = new ArrayList<>(), confirm = new ArrayList<>(), rps = new ArrayList<>(), jps = new ArrayList<>(), eps = new ArrayList<>();
        for (int s = 0; s <= last; s++) {
            List<Event> in = bySecond.getOrDefault(s, List.of());
            List<Event> ok = in.stream().filter(request).filter(Event::ok).toList();
            List<Event> confirmations = in.stream().filter(e -> e.step().equals(CONFIRMED) && e.ok()).toList();
            double x = s + 0.5;
            if (!ok.isEmpty()) {
                p50.add(new double[] {x, pv(ok, 0.5)});
                p95.add(new double[] {x, pv(ok, 0.95)});
            }
            if (!confirmations.isEmpty()) {
                confirm.add(new double[] {x, pv(confirmations, 0.5)});
            }
            rps.add(new double[] {x, in.stream().filter(request).count()});
            jps.add(new double[] {x, confirmations.size()});
            eps.add(new double[] {x, in.stream().filter(e -> !e.ok()).count()});
        }
        double xMax = last + 1;
        StringBuilder out = new StringBuilder();
        int w = 900, h = 560, left = 70, right = 170, panel = 200;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        out.append("<text x=\"").append(left).append("\" y=\"20\" font-size=\"14\">Load benchmark: the whole journey through the gateway, per second</text>\n");
        double yMaxLatency = niceMax(max(p95, confirm));
        panel(out, "latency (ms)", left, 40, w - left - right, panel, xMax, yMaxLatency, warmupMs / 1000.0,
                List.of(new Series("request p50", "#1f77b4", p50), new Series("request p95", "#ff7f0e", p95),
                        new Series("hold -> CONFIRMED p50", "#2ca02c", confirm)));
        double yMaxRate = niceMax(max(rps, jps, eps));
        panel(out, "per second", left, 40 + panel + 60, w - left - right, panel, xMax, yMaxRate, warmupMs / 1000.0,
                List.of(new Series("requests", "#1f77b4", rps), new Series("journeys CONFIRMED", "#2ca02c", jps),
                        new Series("failed requests", "#d62728", eps)));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">seconds since the first journey (grey: warm-up, not counted)</text>\n",
                left + 150, h - 12));
        out.append("</svg>\n");
        Files.writeString(svg, out);
    }

    record Series(String name, String color, List<double[]> points) {
    }

    @SafeVarargs
    static double max(List<double[]>... lists) {
        double m = 1;
        for (List<double[]> l : lists) {
            for (double[] p : l) {
                m = Math.max(m, p[1]);
            }
        }
        return m;
    }

    static double niceMax(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * step >= v) {
                return f * step;
            }
        }
        return 10 * step;
    }

    static void panel(StringBuilder out, String title, int x, int y, int w, int h, double xMax, double yMax, double warmup, List<Series> series) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#eeeeee\"/>\n", x, y, w * Math.min(1, warmup / xMax), h));
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>\n", x, y, w, h));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", x, y - 6, title));
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double py = y + h - h * i / 4.0;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#cccccc\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", x, py, x + w, py, x - 4, py + 4, fmt(v)));
        }
        int ticks = (int) Math.min(10, Math.max(1, xMax / 10));
        for (int i = 0; i <= ticks; i++) {
            double v = xMax * i / ticks;
            double px = x + w * i / (double) ticks;
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", px, y + h + 14, fmt(v)));
        }
        int legend = y + 14;
        for (Series s : series) {
            String points = s.points().stream()
                    .map(p -> String.format(Locale.ROOT, "%.1f,%.1f", x + w * p[0] / xMax, y + h - h * Math.min(p[1], yMax) / yMax))
                    .collect(Collectors.joining(" "));
            out.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>\n", s.color(), points));
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
                    x + w + 10, legend - 4, s.color(), x + w + 26, legend, s.name()));
            legend += 18;
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
