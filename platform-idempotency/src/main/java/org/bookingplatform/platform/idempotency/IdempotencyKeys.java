package org.bookingplatform.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.problem.ProblemException;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key handling, stored in the service's own database within the caller's
 * transaction: the key, the fingerprint of the request and the answer commit together with
 * the business change, or not at all. A failed request (rolled back) leaves no key behind, so
 * a retry runs again. Keys are scoped (for example per customer and operation), so one
 * client's key never collides with another's.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    // The statements, shared with SqlIdempotencyKeys (OrdinalSql turns ?1 into $1 there).
    static final String CLAIM = """
            INSERT INTO idempotency_key (scope, key, fingerprint, expires_at)
            VALUES (?1, ?2, ?3, now() + make_interval(secs => ?4))
            ON CONFLICT DO NOTHING""";
    static final String EXISTING =
            "SELECT fingerprint, response_status, response_body FROM idempotency_key WHERE scope = ?1 AND key = ?2";
    static final String COMPLETE =
            "UPDATE idempotency_key SET response_status = ?1, response_body = ?2 WHERE scope = ?3 AND key = ?4";

    private final IdempotencyConfig config;
    private final ObjectMapper json;

    public IdempotencyKeys(IdempotencyConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Rejects a missing or malformed key with a 400 naming the header; call before any work. */
    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badRequest(HEADER, "the " + HEADER + " header is required");
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        return key;
    }

    /** A stable digest of the request, so a reused key with a different body is recognised. */
    public String fingerprint(Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + request.getClass().getSimpleName(), e);
        }
    }

    /**
     * Claims the key in the caller's transaction. A concurrent request with the same key blocks
     * on the primary key until this transaction ends, then sees its answer (or claims the key
     * itself when this one rolled back).
     */
    public Uni<Claim> claim(String scope, String key, String fingerprint) {
        return session().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter(1, scope).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, retentionSeconds())
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(new Claim.Fresh()) : existing(session, scope, key, fingerprint)));
    }

    /**
     * Runs a use case at most once per key, all in the caller's transaction: the first request
     * runs it and stores its answer; a retry with the same request gets that answer again; a
     * reuse of the key for another request is a 409.
     */
    public <T> Uni<IdempotentResult<T>> once(String scope, String key, Object request, int status, Supplier<Uni<T>> useCase) {
        return claim(scope, key, fingerprint(request)).chain(claim -> {
            if (claim instanceof Claim.Fresh) {
                return useCase.get()
                        .call(body -> complete(scope, key, status, body))
                        .map(body -> IdempotentResult.fresh(status, body));
            }
            if (claim instanceof Claim.Replay replay) {
                return Uni.createFrom().item(IdempotentResult.<T>replayed(replay));
            }
            return Uni.createFrom().failure(claim instanceof Claim.Mismatch ? reused() : inProgress());
        });
    }

    /** The answer to a key reused for a different request. */
    public static ProblemException reused() {
        return ProblemException.conflict("This " + HEADER + " was already used for a different request.");
    }

    /** The answer to a retry that arrives while the first request with its key is still being processed. */
    public static ProblemException inProgress() {
        return new ProblemException(Problem.of(409, "Conflict",
                "A request with this " + HEADER + " is still being processed; retry shortly."), Duration.ofSeconds(1));
    }

    /** Stores the answer of a fresh claim, in the same transaction as the business change. */
    public Uni<Void> complete(String scope, String key, int status, Object body) {
        String stored;
        try {
            stored = answer(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return session().chain(session -> session.createNativeQuery(COMPLETE)
                .setParameter(1, status).setParameter(2, stored).setParameter(3, scope).setParameter(4, key)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The JSON text stored as a key's answer and replayed to retries. */
    String answer(Object body) throws JsonProcessingException {
        return json.writeValueAsString(body);
    }

    /** How long a key is kept, in seconds: the expiry stored with a claim. */
    double retentionSeconds() {
        return config.retention().toSeconds();
    }

    @Scheduled(every = "${platform.idempotency.purge-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> purgeExpired() {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("DELETE FROM idempotency_key WHERE expires_at < now()").executeUpdate())
                .replaceWithVoid();
    }

    private static Uni<Claim> existing(Mutiny.Session session, String scope, String key, String fingerprint) {
        return session.createNativeQuery(EXISTING, Object[].class)
                .setParameter(1, scope).setParameter(2, key)
                .getSingleResult()
                .map(row -> Claim.ofExisting(fingerprint, (String) row[0],
                        row[1] == null ? null : ((Number) row[1]).intValue(), (String) row[2]));
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession().invoke(session -> {
            if (session.currentTransaction() == null) {
                throw new IllegalStateException("Idempotency keys must be claimed in the caller's transaction (@WithTransaction)");
            }
        });
    }
}
