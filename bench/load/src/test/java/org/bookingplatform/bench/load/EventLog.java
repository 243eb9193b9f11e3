package org.bookingplatform.bench.load;

import io.gatling.javaapi.core.Session;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every request's outcome as one CSV line, for Report.java: exact percentiles per step, errors by
 * status, and the per-second series of the chart. Gatling's own simulation.log is binary and its
 * report keeps only its aggregates, hence this file.
 * Line: end (epoch ms), step, response time (ms, -1 without an answer), status (0 without an answer),
 * ok (1/0), the journey's start (epoch ms).
 */
final class EventLog {

    private static BufferedWriter out;

    private EventLog() {
    }

    static synchronized void open(String file) {
        try {
            out = Files.newBufferedWriter(Path.of(file), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void write(String step, long responseTimeMs, int status, boolean ok, long journeyStart) {
        try {
            out.write(System.currentTimeMillis() + "," + step + "," + responseTimeMs + "," + status + "," + (ok ? 1 : 0) + ","
                    + journeyStart + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last request's outcome, from the session attributes that Steps saved. */
    static Session record(String step, Session session) {
        long rt = session.contains("rt") ? session.getLong("rt") : -1;
        int status = session.contains("st") ? session.getInt("st") : 0;
        write(step, rt, status, !session.isFailed(), session.contains("journeyStart") ? session.getLong("journeyStart") : 0);
        return session;
    }

    static synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
