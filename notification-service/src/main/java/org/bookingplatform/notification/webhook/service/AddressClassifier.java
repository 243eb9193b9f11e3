package org.bookingplatform.notification.webhook.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is a public unicast one that a webhook may be sent to. Everything that
 * reaches this machine, the cluster or the cloud's metadata service is not: loopback, private
 * (RFC 1918), link-local (169.254/16, fe80::/10), CGNAT (100.64/10), multicast, unique-local
 * (fc00::/7), unspecified, and IPv4 addresses hidden in IPv6 forms (mapped, NAT64, 6to4).
 */
public final class AddressClassifier {

    private AddressClassifier() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0                                   // "this network"
                && first != 10 && first != 127
                && !(first == 100 && (second & 0xc0) == 64)  // CGNAT 100.64.0.0/10
                && !(first == 169 && second == 254)
                && !(first == 172 && (second & 0xf0) == 16)
                && !(first == 192 && second == 168)
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)   // IETF protocol assignments
                && !(first == 198 && (second & 0xfe) == 18)  // benchmarking 198.18/15
                && first < 224;                              // multicast and reserved
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {                        // unique-local fc00::/7
            return false;
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {        // deprecated site-local fec0::/10
            return false;
        }
        if (isPrefixZero(b, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {  // ::ffff:a.b.c.d
            return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (isPrefixZero(b, 12)) {                           // ::a.b.c.d (deprecated compatible form), ::, ::1
            return false;
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});      // NAT64 64:ff9b::/96
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]});          // 6to4 2002::/16
        }
        return (first & 0xe0) == 0x20;                       // only global unicast 2000::/3
    }

    private static boolean isPrefixZero(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
