package org.bookingplatform.notification.webhook.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetGuardTest {

    /** A DNS of its own, so that the test never leaves the machine. */
    private static final Map<String, String> DNS = Map.of(
            "partner.example", "93.184.216.34",
            "localhost", "127.0.0.1",
            "rebind.example", "10.1.2.3",
            "metadata.example", "169.254.169.254");

    private static InetAddress[] resolve(String host) {
        try {
            if (DNS.containsKey(host)) {
                return new InetAddress[] {InetAddress.getByName(DNS.get(host))};
            }
            // Literals parse without a look-up; anything else does not resolve here.
            return host.matches("[0-9.]+|.*:.*") ? InetAddress.getAllByName(host) : new InetAddress[0];
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    private final TargetGuard strict = new TargetGuard(List.of(), TargetGuardTest::resolve);
    private final TargetGuard local = new TargetGuard(List.of("http://127.0.0.1:*", "http://localhost:*"), TargetGuardTest::resolve);

    @Test
    void aPublicHttpsTargetIsConnectedToTheAddressItWasCheckedAt() throws Exception {
        WebhookTarget target = strict.check("https://partner.example/hooks?x=1");
        assertEquals("93.184.216.34", target.address().getHostAddress());
        assertEquals(443, target.port());
        assertEquals("/hooks?x=1", target.requestTarget());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/h", "https://localhost/h", "https://10.0.0.1/h", "https://169.254.169.254/latest/meta-data",
            "https://[::1]/h", "https://[fd00::1]/h", "https://[fe80::1]/h", "https://100.64.0.1/h", "https://224.0.0.1/h",
            "https://rebind.example/h", "https://metadata.example/h", "https://[::ffff:127.0.0.1]/h", "https://0.0.0.0/h"})
    void nonPublicTargetsAreRefusedWithoutAnAllowList(String url) {
        TargetRefused refused = assertThrows(TargetRefused.class, () -> strict.check(url));
        assertTrue(refused.getMessage().contains("non-public"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://partner.example/h", "ftp://partner.example/h", "partner.example/h", "https:///h",
            "https://user:pw@partner.example/h", "https://partner.example/h#frag", "https://no-such-host.example/h", "not a url"})
    void malformedPlainOrUnresolvableUrlsAreRefused(String url) {
        assertThrows(TargetRefused.class, () -> strict.check(url));
    }

    @Test
    void theAllowListPermitsPlainHttpToLoopbackOnAnyPortButNothingElse() throws Exception {
        assertEquals("127.0.0.1", local.check("http://127.0.0.1:18080/h").address().getHostAddress());
        assertEquals("127.0.0.1", local.check("http://localhost:9/h").address().getHostAddress());
        assertThrows(TargetRefused.class, () -> local.check("https://127.0.0.1/h"));   // https is not listed for it
        assertThrows(TargetRefused.class, () -> local.check("http://10.0.0.1/h"));
        assertThrows(TargetRefused.class, () -> local.check("http://partner.example/h"));
    }

    @Test
    void anAllowListEntryWithAPortPermitsOnlyThatPort() throws Exception {
        TargetGuard onePort = new TargetGuard(List.of("http://127.0.0.1:8085"), TargetGuardTest::resolve);
        onePort.check("http://127.0.0.1:8085/h");
        assertThrows(TargetRefused.class, () -> onePort.check("http://127.0.0.1:8086/h"));
    }
}
