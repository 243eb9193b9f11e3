package org.bookingplatform.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.sql.OrdinalSql;

import java.util.List;

/**
 * {@link IdempotencyKeys} for use cases that run on a Vert.x SQL client connection instead of a
 * Hibernate Reactive session: hot paths where the ORM's cost per statement shows. Same table,
 * same rules: the claim, the answer and the business change commit in the caller's transaction
 * together, and a concurrent request with the same key waits on the key's row.
 */
@ApplicationScoped
public class SqlIdempotencyKeys {

    private static final String CLAIM = OrdinalSql.forSqlClient(IdempotencyKeys.CLAIM);
    private static final String EXISTING = OrdinalSql.forSqlClient(IdempotencyKeys.EXISTING);

    /**
     * Stores a fresh claim's answer ({@link #completionParameters}), with {@code ?N} parameters:
     * the use case runs it in the claim's transaction, as a part of its own statement
     * ({@link OrdinalSql#together}), since the answer is known before the statement runs.
     */
    public static final String COMPLETION = IdempotencyKeys.COMPLETE;

    private final IdempotencyKeys keys;

    public SqlIdempotencyKeys(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** A stable digest of the request, as {@link IdempotencyKeys#fingerprint}. */
    public String fingerprint(Object request) {
        return keys.fingerprint(request);
    }

    /** Claims the key in the connection's transaction; see {@link IdempotencyKeys#claim}. */
    public Uni<Claim> claim(SqlConnection connection, String scope, String key, String fingerprint) {
        return inTransaction(connection)
                .preparedQuery(CLAIM).execute(Tuple.of(scope, key, fingerprint, keys.retentionSeconds()))
                .chain(claimed -> claimed.rowCount() == 1
                        ? Uni.createFrom().item(new Claim.Fresh())
                        : connection.preparedQuery(EXISTING).execute(Tuple.of(scope, key))
                                .map(rows -> existing(rows.iterator().next(), fingerprint)));
    }

    /** The parameters of {@link #COMPLETION} storing {@code status} and {@code body} as the answer to the key. */
    public List<Object> completionParameters(String scope, String key, int status, Object body) {
        try {
            return List.of(status, keys.answer(body), scope, key);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer does not serialize to JSON", e);
        }
    }

    private static Claim existing(Row row, String fingerprint) {
        return Claim.ofExisting(fingerprint, row.getString("fingerprint"), row.getInteger("response_status"),
                row.getString("response_body"));
    }

    private static SqlConnection inTransaction(SqlConnection connection) {
        if (connection.transaction() == null) {
            throw new IllegalStateException("Idempotency keys must be claimed in the caller's transaction");
        }
        return connection;
    }
}
