package org.bookingplatform.simulator;

/**
 * What the simulator has seen since start or the last reset.
 *
 * @param charges          payments created, succeeded or declined; replays do not count
 * @param chargeAttempts   every POST /v1/payments, whatever its outcome
 * @param duplicateCharges successful charges of a reference that had already been charged successfully under another
 *                         idempotency key: the double charges a correct client never causes
 * @param refunds          refunds created; replays do not count
 * @param requests         every request to the payment API (everything but /admin and /q)
 */
public record Stats(long charges, long chargeAttempts, long duplicateCharges, long refunds, long requests) {
}
