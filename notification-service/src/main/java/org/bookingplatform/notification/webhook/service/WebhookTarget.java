package org.bookingplatform.notification.webhook.service;

import java.net.InetAddress;
import java.net.URI;

/**
 * A webhook URL with the one address it was checked at: the request goes to exactly this
 * address (the Host header and TLS server name still carry the URL's host), so a name that
 * resolves differently a moment later (DNS rebinding) cannot redirect it.
 */
public record WebhookTarget(URI uri, InetAddress address) {

    public boolean https() {
        return "https".equals(uri.getScheme());
    }

    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : https() ? 443 : 80;
    }

    /** Path and query as sent in the request line. */
    public String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
