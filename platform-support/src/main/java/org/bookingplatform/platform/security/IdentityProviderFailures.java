package org.bookingplatform.platform.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import io.vertx.core.http.HttpClosedException;

import javax.net.ssl.SSLException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a failed token check that the identity provider caused (503: try again) from one the
 * token caused (401). quarkus-oidc throws OIDCException for both kinds, a token of the wrong type
 * as much as a JWKS download that failed, so the type alone says nothing; only these mean the
 * provider could not be asked: a connection failure, a timeout, a discovery request that
 * failed, or a request that the provider answered with a 5xx status. Everything else - a bad
 * signature, an unknown key id, another issuer, an expired token, alg none, a 4xx answer to a
 * request about the token - is the token's fault.
 */
public final class IdentityProviderFailures {

    // quarkus-oidc reports a failed request to the provider only in the message of an OIDCException.
    private static final Pattern FAILED_REQUEST_STATUS = Pattern.compile("has failed: status: (\\d{3})");

    private IdentityProviderFailures() {
    }

    public static boolean providerUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (connectionFailure(cause) || cause instanceof OidcEndpointAccessException
                    || cause instanceof OIDCException && answeredWithServerError(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Refused, reset or closed connections, unknown hosts, TLS failures and timeouts (Vert.x's and Mutiny's too). */
    private static boolean connectionFailure(Throwable cause) {
        return cause instanceof SocketException || cause instanceof UnknownHostException || cause instanceof InterruptedIOException
                || cause instanceof SSLException || cause instanceof ClosedChannelException || cause instanceof HttpClosedException
                || cause instanceof TimeoutException || cause instanceof io.smallrye.mutiny.TimeoutException;
    }

    private static boolean answeredWithServerError(String message) {
        if (message == null) {
            return false;
        }
        Matcher status = FAILED_REQUEST_STATUS.matcher(message);
        return status.find() && Integer.parseInt(status.group(1)) >= 500;
    }
}
