package org.bookingplatform.platform.messaging;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a consumer does with a failed attempt, decided here and nowhere else.
 *
 * <p>{@link #TRANSIENT}: the world was away (database or broker unavailable, a timeout, a lock
 * conflict or serialization failure); the same record is attempted again, in place, until it
 * succeeds. {@link #POISON}: the record itself is at fault (not parseable, not a CloudEvent,
 * data that does not fit the consumer's contract) or the effect hit a bug; attempting it again
 * would fail the same way, so it goes to the dead-letter topic.
 *
 * <p>A failure whose cause chain holds any transient cause is transient, whatever wraps it
 * (Hibernate and Mutiny wrap the driver's exceptions). A failure of a kind this class does not
 * know is transient too: wrongly retried, it holds its partition back, visibly, and loses
 * nothing; wrongly dead-lettered during an outage, every event of the outage would need a replay.
 */
public enum ConsumerFailure {

    TRANSIENT,
    POISON;

    /** Bug classes and bad data: the same record fails the same way on every attempt. */
    private static final Set<Class<? extends Throwable>> POISON_TYPES = Set.of(
            IllegalArgumentException.class,   // IncomingEvent and EventJson's verdict on a bad record
            NullPointerException.class,
            ClassCastException.class,
            ArithmeticException.class,
            IndexOutOfBoundsException.class,
            UnsupportedOperationException.class,
            DateTimeException.class);

    private static final Set<Class<? extends Throwable>> TRANSIENT_TYPES = Set.of(
            IOException.class,                // connection refused or reset, closed channel
            SQLTransientException.class,
            SQLRecoverableException.class,
            TimeoutException.class,
            io.smallrye.mutiny.TimeoutException.class,
            ClosedConnectionException.class,
            RetriableException.class,         // Kafka's own "try again" family, timeouts included
            JDBCConnectionException.class,
            LockAcquisitionException.class,
            OptimisticLockException.class,
            PessimisticLockException.class,
            LockTimeoutException.class,
            QueryTimeoutException.class,
            StaleStateException.class);

    public static ConsumerFailure of(Throwable failure) {
        boolean poison = false;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (transientCause(cause)) {
                return TRANSIENT;
            }
            poison |= poisonCause(cause);
        }
        return poison ? POISON : TRANSIENT;
    }

    public static boolean isTransient(Throwable failure) {
        return of(failure) == TRANSIENT;
    }

    public static boolean isPoison(Throwable failure) {
        return of(failure) == POISON;
    }

    private static boolean transientCause(Throwable cause) {
        if (cause instanceof DatabaseException database) {
            return transientSqlState(database.getSqlState());
        }
        // Hibernate turns the driver's error into a JDBC SQLException that keeps its SQLSTATE.
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return transientSqlState(sql.getSQLState());
        }
        return TRANSIENT_TYPES.stream().anyMatch(type -> type.isInstance(cause));
    }

    private static boolean poisonCause(Throwable cause) {
        if (cause instanceof DatabaseException database) {
            return !transientSqlState(database.getSqlState());
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return !transientSqlState(sql.getSQLState());
        }
        return POISON_TYPES.stream().anyMatch(type -> type.isInstance(cause));
    }

    /**
     * PostgreSQL's classes of "not now": 08 connection, 40 transaction rollback (serialization
     * failure, deadlock), 53 insufficient resources, 55P03 lock not available, 57 operator
     * intervention (shutdown, statement timeout), 58 system error. Every other class (22 bad data,
     * 23 constraint violation, 42 a statement that cannot work) fails again on the same record.
     */
    static boolean transientSqlState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return true;
        }
        return switch (sqlState.substring(0, 2)) {
            case "08", "40", "53", "57", "58" -> true;
            case "55" -> sqlState.equals("55P03");
            default -> false;
        };
    }
}
