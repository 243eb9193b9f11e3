package org.bookingplatform.testsupport;

import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values an attacker sends, for the services' fuzz tests: numbers at and past the edges of int
 * and long, instants Java parses but nothing stores, malformed and mistyped values, long and
 * strange text. Generated with jqwik's arbitraries (sampled, so they run inside a JUnit Jupiter
 * {@code @QuarkusTest}), mixed with plausible values so that a request gets past its first check.
 */
public final class HostileInput {

    private static final List<String> EDGE_TEXT = List.of(
            "", " ", "null", "undefined", "-1", "0", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "1e309", "-0", "1.5", "0x10", "NaN", "Infinity",
            "+1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+300000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "2026-13-45T99:99:99Z", "2026-02-30T00:00:00Z", "2027-01-01T00:00:00", "2027-01-01", "tomorrow",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "1-1-1-1-1", "STAY", "stay", "PENDING_PAYMENT",
            "' OR '1'='1", "'; DROP TABLE booking; --", "\u0000", "\uD83D\uDE00", "Ünïcödé", "../../etc/passwd",
            "<script>alert(1)</script>", "%s%n", "a".repeat(10_000), "EUR", "eur", "XXXX", "pm_card_visa");

    private static final List<String> EDGE_JSON = List.of(
            "null", "true", "false", "0", "-1", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e309", "1.5", "-0.0",
            "\"\"", "[]", "{}", "[1,2]", "{\"amount\":1}", "\"" + "x".repeat(5_000) + "\"",
            "{\"a\":" .repeat(200) + "1" + "}".repeat(200));

    private HostileInput() {
    }

    /** A query, path or header value: an edge case, a number of any size, or random text. */
    public static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.of(EDGE_TEXT),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300));
    }

    /**
     * A value for a query parameter or path segment: {@link #text()} short enough to keep the
     * request line under the HTTP server's 4,096-byte limit (past it the HTTP layer answers a bare
     * 414 before any application code runs).
     */
    public static Arbitrary<String> uriText() {
        return text().filter(value -> value.length() <= 500);
    }

    /** {@link #uriText()} without braces, which rest-assured would read as path templates of its own. */
    public static Arbitrary<String> pathText() {
        return uriText().filter(value -> value.indexOf('{') < 0 && value.indexOf('}') < 0);
    }

    /** A JSON value of any type: an edge case, a quoted hostile text, a number of any size. */
    public static Arbitrary<String> json() {
        return Arbitraries.oneOf(
                Arbitraries.of(EDGE_JSON),
                text().map(HostileInput::quoted),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(19), java.math.BigInteger.TEN.pow(40)).map(String::valueOf));
    }

    /**
     * A request body for a JSON object with these fields: each field plausible (its value from
     * {@code plausible}), hostile, or left out, plus now and then an unknown field; or, once in a
     * while, no JSON object at all.
     */
    public static Arbitrary<String> body(Map<String, Arbitrary<String>> plausible) {
        List<Arbitrary<String>> fields = new ArrayList<>();
        plausible.forEach((name, good) -> fields.add(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, good.map(value -> quoted(name) + ":" + value)),
                net.jqwik.api.Tuple.of(2, json().map(value -> quoted(name) + ":" + value)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")))));
        Arbitrary<String> object = net.jqwik.api.Combinators.combine(fields).as(parts -> parts)
                .flatMap(parts -> Arbitraries.of("", ",\"unexpected\":1").map(extra -> parts.stream()
                        .filter(part -> !part.isEmpty())
                        .collect(Collectors.joining(",", "{", "")) + (parts.stream().allMatch(String::isEmpty) ? "" : extra) + "}"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, object),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "{", "[]", "null", "\"text\"", "{\"a\":}", "not json")));
    }

    /** Plausible values of one field, as JSON. */
    public static Arbitrary<String> oneOf(Object... values) {
        List<String> json = new ArrayList<>();
        for (Object value : values) {
            json.add(value instanceof Number || value instanceof Boolean ? value.toString() : quoted(value.toString()));
        }
        return Arbitraries.of(json);
    }

    /** The query parameters of one request: each one plausible, hostile or left out. */
    public static Arbitrary<Map<String, String>> query(Map<String, Arbitrary<String>> plausible) {
        List<Arbitrary<Map.Entry<String, String>>> params = new ArrayList<>();
        plausible.forEach((name, good) -> params.add(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, good.map(value -> Map.entry(name, value))),
                net.jqwik.api.Tuple.of(2, uriText().map(value -> Map.entry(name, value))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Map.entry(name, "\u0000absent"))))));
        return net.jqwik.api.Combinators.combine(params).as(entries -> {
            Map<String, String> query = new LinkedHashMap<>();
            entries.stream().filter(entry -> !entry.getValue().equals("\u0000absent")).forEach(entry -> query.put(entry.getKey(), entry.getValue()));
            return query;
        });
    }

    /** No server error, and every error is a problem document. */
    public static void assertNoServerErrorAndProblem(Response response, String request) {
        int status = response.statusCode();
        assertTrue(status < 500, () -> status + " for " + request + ": " + response.asString());
        if (status >= 400) {
            String type = response.contentType();
            assertTrue(type != null && type.startsWith("application/problem+json"),
                    () -> status + " of type " + type + " for " + request + ": " + response.asString());
            assertEquals(status, response.jsonPath().getInt("status"), () -> "problem status for " + request);
        }
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
