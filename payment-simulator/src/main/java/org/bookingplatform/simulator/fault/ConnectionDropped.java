package org.bookingplatform.simulator.fault;

/** Unwinds the request after an injected drop; the connection is already gone, so there is nothing to answer. */
public class ConnectionDropped extends RuntimeException {

    ConnectionDropped() {
        super("connection dropped by fault injection", null, false, false);
    }
}
