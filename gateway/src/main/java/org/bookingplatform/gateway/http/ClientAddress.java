package org.bookingplatform.gateway.http;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.config.GatewayConfig;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The address a request comes from, as rate limits count it. Behind an ingress the direct peer is
 * the ingress itself, so every anonymous caller would share one bucket; the client's address is
 * then in {@code X-Forwarded-For}. That header is the client's to write, though: it is read only
 * when the peer is one of {@code gateway.trusted-proxies}, and then from the right, skipping
 * trusted proxies, so the address taken is the one the outermost trusted proxy saw. Whatever a
 * client writes to the left of it is ignored, or a flood could choose a fresh bucket per request.
 */
@Singleton
public class ClientAddress {

    private static final String RESOLVED = "gateway.client-address";
    private static final String UNKNOWN = "unknown";

    private final List<IpSubnetFilterRule> trustedProxies;

    @Inject
    public ClientAddress(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(cidr -> !cidr.isEmpty())
                .map(ClientAddress::subnet).toList();
    }

    /** The client's address for this request, worked out once per request. */
    public String of(RoutingContext rc) {
        String resolved = rc.get(RESOLVED);
        if (resolved == null) {
            SocketAddress peer = rc.request().remoteAddress();
            resolved = resolve(peer == null ? null : peer.hostAddress(), rc.request().headers().getAll("X-Forwarded-For"));
            rc.put(RESOLVED, resolved);
        }
        return resolved;
    }

    /** {@code peer}: the direct peer's address; {@code forwardedFor}: every X-Forwarded-For header, in order. */
    String resolve(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = peer == null ? null : NetUtil.createInetAddressFromIpAddressString(peer);
        if (peerAddress == null) {
            return peer == null ? UNKNOWN : peer;
        }
        if (!trusted(peerAddress) || forwardedFor.isEmpty()) {
            return peerAddress.getHostAddress();
        }
        String nearest = peerAddress.getHostAddress();
        List<String> hops = forwardedFor.stream().flatMap(header -> List.of(header.split(",")).stream()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = NetUtil.createInetAddressFromIpAddressString(hops.get(i).trim());
            if (hop == null) {
                // Proxies write addresses; anything else came from the client: stop at the last trusted hop.
                return nearest;
            }
            if (!trusted(hop)) {
                return hop.getHostAddress();
            }
            nearest = hop.getHostAddress();
        }
        // Every hop is a trusted proxy: the request began inside, at the left-most one.
        return nearest;
    }

    private boolean trusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule rule : trustedProxies) {
            if (rule.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    private static IpSubnetFilterRule subnet(String cidr) {
        int slash = cidr.indexOf('/');
        String ip = slash < 0 ? cidr : cidr.substring(0, slash);
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(ip);
        if (address == null) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + cidr + "' is not an address or CIDR range");
        }
        int bits = address.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + cidr + "' has no valid prefix length", e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + cidr + "' has no valid prefix length");
        }
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
