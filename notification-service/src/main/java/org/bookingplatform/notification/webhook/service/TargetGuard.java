package org.bookingplatform.notification.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bookingplatform.notification.webhook.config.WebhookConfig;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The SSRF guard, asked at registration and before every delivery. A URL must be HTTPS and every
 * address its host resolves to must be public, unless the allow-list names its scheme, host and
 * port. The check resolves the name once and returns the address to connect to.
 */
@ApplicationScoped
public class TargetGuard {

    private final List<String> allowed;
    private final Function<String, InetAddress[]> resolver;

    @Inject
    public TargetGuard(WebhookConfig config) {
        this(config.allowedTargets().orElse(List.of()), TargetGuard::resolve);
    }

    TargetGuard(List<String> allowed, Function<String, InetAddress[]> resolver) {
        this.allowed = allowed.stream().map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        this.resolver = resolver;
    }

    /** Blocks for the DNS look-up: call it off the event loop. */
    public WebhookTarget check(String url) throws TargetRefused {
        URI uri = parse(url);
        String host = hostOf(uri);
        boolean allowListed = allowListed(uri, host);
        if (!allowListed && !"https".equals(uri.getScheme())) {
            throw new TargetRefused("must be an https URL");
        }
        InetAddress[] addresses = resolver.apply(host);
        if (addresses == null || addresses.length == 0) {
            throw new TargetRefused("its host does not resolve");
        }
        if (!allowListed) {
            for (InetAddress address : addresses) {
                if (!AddressClassifier.isPublic(address)) {
                    throw new TargetRefused("its host resolves to a non-public address");
                }
            }
        }
        return new WebhookTarget(uri, addresses[0]);
    }

    private static URI parse(String url) throws TargetRefused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new TargetRefused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
            throw new TargetRefused("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefused("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new TargetRefused("must not have a fragment");
        }
        if (!scheme.equals(uri.getScheme())) {
            uri = URI.create(scheme + url.substring(scheme.length()));
        }
        return uri;
    }

    /** The host without the brackets of an IPv6 literal, lower case. */
    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private boolean allowListed(URI uri, String host) {
        String port = String.valueOf(uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        String literal = host.contains(":") ? "[" + host + "]" : host;
        String base = uri.getScheme() + "://" + literal + ":";
        return allowed.contains(base + "*") || allowed.contains(base + port);
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }
}
