package org.bookingplatform.gateway.proxy;

/** A streamed request body grew past quarkus.http.limits.max-body-size: the client's fault, not the service's. */
final class RequestBodyTooLarge extends RuntimeException {

    RequestBodyTooLarge() {
        super("request body too large", null, false, false);
    }
}
