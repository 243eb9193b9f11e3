package org.bookingplatform.platform.messaging;

import io.vertx.pgclient.PgException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionException;

import static org.bookingplatform.platform.messaging.ConsumerFailure.POISON;
import static org.bookingplatform.platform.messaging.ConsumerFailure.TRANSIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsumerFailureTest {

    @Test
    void databaseAwayIsTransientHoweverItIsWrapped() {
        ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:5432");
        assertEquals(TRANSIENT, ConsumerFailure.of(refused));
        assertEquals(TRANSIENT, ConsumerFailure.of(new CompletionException(refused)));
        assertEquals(TRANSIENT, ConsumerFailure.of(new IllegalStateException("session failed", refused)));
        assertEquals(TRANSIENT, ConsumerFailure.of(new JDBCConnectionException("no connection", new SQLException("refused", "08001"))));
        assertEquals(TRANSIENT, ConsumerFailure.of(pg("57P01")), "admin shutdown");
        assertEquals(TRANSIENT, ConsumerFailure.of(pg("08006")), "connection failure");
        assertEquals(TRANSIENT, ConsumerFailure.of(pg("53300")), "too many connections");
    }

    @Test
    void lockConflictsSerializationFailuresAndTimeoutsAreTransient() {
        assertEquals(TRANSIENT, ConsumerFailure.of(pg("40001")), "serialization failure");
        assertEquals(TRANSIENT, ConsumerFailure.of(pg("40P01")), "deadlock");
        assertEquals(TRANSIENT, ConsumerFailure.of(pg("55P03")), "lock not available");
        assertEquals(TRANSIENT, ConsumerFailure.of(pg("57014")), "statement timeout");
        assertEquals(TRANSIENT, ConsumerFailure.of(new jakarta.persistence.OptimisticLockException("stale")));
        assertEquals(TRANSIENT, ConsumerFailure.of(new io.smallrye.mutiny.TimeoutException()));
        assertEquals(TRANSIENT, ConsumerFailure.of(new org.apache.kafka.common.errors.TimeoutException("metadata")));
    }

    @Test
    void badRecordsAndBugClassExceptionsArePoison() {
        assertEquals(POISON, ConsumerFailure.of(new IllegalArgumentException("not a CloudEvent: no ce_id header")));
        assertEquals(POISON, ConsumerFailure.of(new NullPointerException()));
        assertEquals(POISON, ConsumerFailure.of(new ClassCastException()));
        assertEquals(POISON, ConsumerFailure.of(new DateTimeParseException("bad time", "yesterday", 0)));
        assertEquals(POISON, ConsumerFailure.of(new CompletionException(new IllegalArgumentException("data does not fit"))));
    }

    @Test
    void statementsThatCannotWorkOnThisDataArePoison() {
        assertEquals(POISON, ConsumerFailure.of(pg("23505")), "unique violation");
        assertEquals(POISON, ConsumerFailure.of(pg("22P02")), "invalid text representation");
        assertEquals(POISON, ConsumerFailure.of(pg("42P01")), "undefined table");
        assertEquals(POISON, ConsumerFailure.of(new ConstraintViolationException("check", new SQLException("violates check", "23514"), "c")));
    }

    @Test
    void hibernateTranslationsAreJudgedByTheirSqlState() {
        assertEquals(TRANSIENT, ConsumerFailure.of(new org.hibernate.exception.LockAcquisitionException("lock", new SQLException("nowait", "55P03"))));
        assertEquals(TRANSIENT, ConsumerFailure.of(new org.hibernate.exception.GenericJDBCException("x", new SQLException("serialize", "40001"))));
        assertEquals(POISON, ConsumerFailure.of(new org.hibernate.exception.GenericJDBCException("x", new SQLException("bad uuid", "22P02"))));
    }

    @Test
    void aTransientCauseWinsOverAPoisonWrapper() {
        assertEquals(TRANSIENT, ConsumerFailure.of(new IllegalArgumentException("wrapped", pg("40001"))));
    }

    @Test
    void unknownFailuresAreAttemptedAgainRatherThanDeadLettered() {
        assertEquals(TRANSIENT, ConsumerFailure.of(new IllegalStateException("something new")));
        assertEquals(TRANSIENT, ConsumerFailure.of(new RuntimeException()));
        assertEquals(TRANSIENT, ConsumerFailure.of(new RecordTooLargeException("a broker refusal")));
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        InPlaceRetry retry = new InPlaceRetry(Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(60));

        assertEquals(Duration.ofMillis(100), retry.delayAfter(1));
        assertEquals(Duration.ofMillis(200), retry.delayAfter(2));
        assertEquals(Duration.ofMillis(25_600), retry.delayAfter(9));
        assertEquals(Duration.ofSeconds(30), retry.delayAfter(10));
        assertEquals(Duration.ofSeconds(30), retry.delayAfter(1_000_000));
    }

    private static PgException pg(String sqlState) {
        return new PgException("simulated", "ERROR", sqlState, null);
    }
}
