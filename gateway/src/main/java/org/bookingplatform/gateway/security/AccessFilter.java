package org.bookingplatform.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.http.ClientAddress;
import org.bookingplatform.gateway.http.ProblemResponses;
import org.bookingplatform.gateway.ratelimit.RateLimiter;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.gateway.route.RouteTable;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.security.IdentityProviderFailures;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Decides who may pass, for every path under the API prefix: a public path is open to anonymous
 * callers, everything else needs a valid bearer token (verified by quarkus-oidc: signature,
 * issuer, expiry) and, where the route names roles, one of them. A token that is sent is always
 * verified, on public paths too. The token itself is forwarded untouched: the services verify it again.
 * A token that needs verifying is first charged to the client address's verification bucket, so
 * that a flood of made-up tokens meets a 429 before it costs an RS256 check each.
 */
@Singleton
public class AccessFilter implements Handler<RoutingContext> {

    /** RoutingContext keys of what this filter learned, for the filters and routes after it. */
    public static final String CALLER = "gateway.caller";
    public static final String ROUTE = "gateway.route";

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    // Quarkus answers a failed lazy authentication itself unless told otherwise; this filter answers it.
    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (rc, failure) -> {
    };
    private static final Duration IDENTITY_PROVIDER_RETRY = Duration.ofSeconds(5);

    private final RouteTable routes;
    private final ProblemResponses problems;
    private final VerifiedTokens verifiedTokens;
    private final RateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final Counter verifications;

    public AccessFilter(RouteTable routes, ProblemResponses problems, VerifiedTokens verifiedTokens, RateLimiter rateLimiter,
                        ClientAddress clientAddress, MeterRegistry meters) {
        this.routes = routes;
        this.problems = problems;
        this.verifiedTokens = verifiedTokens;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
        this.verifications = Counter.builder("gateway.token.verifications")
                .description("Bearer tokens verified by quarkus-oidc (signature, issuer, audience, expiry): not found among the recently verified")
                .register(meters);
    }

    @Override
    public void handle(RoutingContext rc) {
        String path = rc.request().path();
        if (!path.equals(rc.normalizedPath())) {
            // Forwarding a path that the gateway and a service could read differently ("/a/../b",
            // "%2e") would let a rule checked here miss what the service serves: refuse it.
            problems.send(rc, Problem.of(400, "Bad Request", "The request path is not in normal form."));
            return;
        }
        GatewayRoute route = routes.route(path).orElse(null);
        if (route != null) {
            rc.put(ROUTE, route);
        }
        boolean open = routes.isPublic(rc.request().method(), path, route);
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (open && authorization == null) {
            admitAnonymous(rc);
            return;
        }
        // Only proxied requests use recently verified tokens: the services check them again,
        // while the gateway's own endpoints rely on this verification alone.
        VerifiedTokens.Verified recent = route != null && authorization != null ? verifiedTokens.get(authorization) : null;
        if (recent != null) {
            if (!recent.hasAnyRole(route.rolesAllowed())) {
                problems.send(rc, ProblemResponses.forbidden());
                return;
            }
            rc.put(CALLER, new Caller(recent.subject(), clientAddress.of(rc)));
            rc.next();
            return;
        }
        // The body must wait until the caller is known: nothing may be read and lost meanwhile.
        rc.request().pause();
        if (authorization == null) {
            verify(rc, route, open, null);
        } else {
            rateLimiter.beforeTokenVerification(rc, clientAddress.of(rc), () -> verify(rc, route, open, authorization));
        }
    }

    private void verify(RoutingContext rc, GatewayRoute route, boolean open, String authorization) {
        if (authorization != null) {
            verifications.increment();
        }
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(
                identity -> decide(rc, route, open, authorization, identity),
                failure -> refuse(rc, failure));
    }

    private void decide(RoutingContext rc, GatewayRoute route, boolean open, String authorization, SecurityIdentity identity) {
        if (route == null) {
            // The gateway's own endpoints read their (small) bodies themselves; a proxied body
            // stays paused until the proxy pipes it upstream.
            rc.request().resume();
        }
        if (identity == null || identity.isAnonymous()) {
            if (open) {
                admitAnonymous(rc);
            } else {
                unauthorized(rc);
            }
            return;
        }
        if (authorization != null) {
            verifiedTokens.remember(authorization, identity);
        }
        if (route != null && !hasAnyRole(identity, route.rolesAllowed())) {
            problems.send(rc, ProblemResponses.forbidden());
            return;
        }
        rc.put(CALLER, new Caller(identity.getPrincipal().getName(), clientAddress.of(rc)));
        rc.next();
    }

    private void refuse(RoutingContext rc, Throwable failure) {
        if (IdentityProviderFailures.providerUnreachable(failure)) {
            LOG.warnf("identity provider unavailable: %s", failure.getMessage());
            problems.send(rc, Problem.of(503, "Service Unavailable", "The identity provider cannot be reached; try again shortly."),
                    IDENTITY_PROVIDER_RETRY);
            return;
        }
        unauthorized(rc);
    }

    private void admitAnonymous(RoutingContext rc) {
        rc.put(CALLER, Caller.anonymous(clientAddress.of(rc)));
        rc.next();
    }

    private void unauthorized(RoutingContext rc) {
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        problems.send(rc, ProblemResponses.unauthorized());
    }

    private static boolean hasAnyRole(SecurityIdentity identity, Set<String> rolesAllowed) {
        if (rolesAllowed.isEmpty()) {
            return true;
        }
        for (String role : rolesAllowed) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
