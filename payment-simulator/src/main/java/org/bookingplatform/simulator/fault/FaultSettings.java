package org.bookingplatform.simulator.fault;

import org.bookingplatform.simulator.ProblemException;

/**
 * The body of PUT /admin/faults. The three rates are probabilities of mutually exclusive outcomes for each request,
 * so together they may not exceed 1. Absent fields mean "no such fault".
 *
 * @param delayMs   latency added to every API request
 * @param chargeDelayMs latency added to charges only, before the charge is recorded: a charge the provider is still
 *                  processing, which a lookup by its key meanwhile does not find (404)
 * @param timeoutMs how long a timeout fault holds the request before answering 504; null takes the configured default
 * @param seed      makes the sequence of faults reproducible; null draws a fresh random sequence
 * @param phase     when faults strike relative to the operation; null means random, 50/50
 * @param down      answer 503 to every API request, as during a provider outage
 */
public record FaultSettings(
        double errorRate,
        double timeoutRate,
        double dropRate,
        long delayMs,
        long chargeDelayMs,
        Long timeoutMs,
        Long seed,
        FaultPhase phase,
        boolean down) {

    public static FaultSettings healthy(long timeoutMs) {
        return new FaultSettings(0, 0, 0, 0, 0, timeoutMs, null, FaultPhase.RANDOM, false);
    }

    /** Checks the ranges and fills in the defaults, so that GET /admin/faults shows what is really in force. */
    FaultSettings validated(long defaultTimeoutMs) {
        requireRate("errorRate", errorRate);
        requireRate("timeoutRate", timeoutRate);
        requireRate("dropRate", dropRate);
        if (errorRate + timeoutRate + dropRate > 1) {
            throw ProblemException.invalidRequest("errorRate + timeoutRate + dropRate must not exceed 1");
        }
        if (delayMs < 0 || chargeDelayMs < 0 || (timeoutMs != null && timeoutMs < 0)) {
            throw ProblemException.invalidRequest("delayMs, chargeDelayMs and timeoutMs must not be negative");
        }
        return new FaultSettings(errorRate, timeoutRate, dropRate, delayMs, chargeDelayMs,
                timeoutMs == null ? defaultTimeoutMs : timeoutMs, seed,
                phase == null ? FaultPhase.RANDOM : phase, down);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw ProblemException.invalidRequest(name + " must be between 0 and 1");
        }
    }
}
