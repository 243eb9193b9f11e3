package org.bookingplatform.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.sql.OrdinalSql;

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
    private static final String COMPLETE = OrdinalSql.forSqlClient(IdempotencyKeys.COMPLETE);

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

    /** Stores the answer of a fresh claim in the connection's transaction. */
    public Uni<Void> complete(SqlConnection connection, String scope, String key, int status, Object body) {
        String answer;
        try {
            answer = keys.answer(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return inTransaction(connection)
                .preparedQuery(COMPLETE).execute(Tuple.of(status, answer, scope, key))
                .replaceWithVoid();
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
