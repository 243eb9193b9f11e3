package org.bookingplatform.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;

/** A loopback port nothing listens on now, for a test server that must keep its port across restarts. */
final class FreePorts {

    private FreePorts() {
    }

    static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
