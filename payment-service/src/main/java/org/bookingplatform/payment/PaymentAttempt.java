package org.bookingplatform.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One guarded call to the provider about a payment and what came of it: the audit trail of a charge. */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt extends PanacheEntityBase {

    /** LOOKUP (and its outcome NOT_FOUND) only in rows of versions that still looked charges up instead of re-sending them. */
    public enum Operation { CHARGE, LOOKUP }

    public enum Outcome { AUTHORIZED, DECLINED, NOT_FOUND, FAILED }

    @Id
    public UUID id;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Enumerated(EnumType.STRING)
    public Operation operation;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String detail;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public static PaymentAttempt of(UUID paymentId, Operation operation, Outcome outcome, String detail, Instant startedAt) {
        PaymentAttempt attempt = new PaymentAttempt();
        attempt.id = UUID.randomUUID();
        attempt.paymentId = paymentId;
        attempt.operation = operation;
        attempt.outcome = outcome;
        attempt.detail = detail;
        attempt.startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
        attempt.finishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return attempt;
    }
}
