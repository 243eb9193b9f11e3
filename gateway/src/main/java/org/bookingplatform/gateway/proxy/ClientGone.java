package org.bookingplatform.gateway.proxy;

/**
 * The client closed its connection while its request was on its way upstream, so the proxy
 * reset the upstream request: the client's doing, not the service's. Neither counted by the
 * breaker nor retried, so that clients hanging up cannot open the breaker for everyone else.
 */
final class ClientGone extends RuntimeException {

    ClientGone() {
        super("the client closed its connection", null, false, false);
    }
}
