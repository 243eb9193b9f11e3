package org.bookingplatform.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.bookingplatform.notification.support.SmtpTestResource;
import org.bookingplatform.notification.support.SseClient;
import org.bookingplatform.notification.support.TestEvents;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live stream over a real HTTP connection, fed by real Kafka events. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = false)
class NotificationStreamIT {

    private static URI stream() {
        return URI.create("http://127.0.0.1:" + RestAssured.port + "/notifications/stream");
    }

    @Test
    void kafkaEventReachesTheOpenStreamWithinASecondAndReconnectingResumesAfterTheLastEventId() {
        UUID alice = UUID.randomUUID();
        String token = TestTokens.customer(alice);
        String lastId;
        try (SseClient client = SseClient.open(stream(), token, null)) {
            assertEquals(200, client.status());
            UUID warmUp = UUID.randomUUID();
            TestEvents.confirmed(warmUp, alice);
            SseClient.Event first = client.next(Duration.ofSeconds(30));
            assertNotNull(first, "the first notification arrives");
            assertEquals("notification", first.name());
            assertTrue(first.data().contains(warmUp.toString()));

            UUID booking = UUID.randomUUID();
            TestEvents.confirmed(booking, alice);
            SseClient.Event live = client.next(Duration.ofSeconds(1));
            assertNotNull(live, "a notification caused by a Kafka event is on the stream within a second");
            assertTrue(live.data().contains(booking.toString()));
            assertEquals(Long.parseLong(first.id()) + 1, Long.parseLong(live.id()));
            lastId = live.id();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.comments().contains("heartbeat"));
        }

        // Missed while disconnected: sent on reconnect, in order, and nothing seen before is repeated.
        UUID missedOne = UUID.randomUUID();
        UUID missedTwo = UUID.randomUUID();
        TestEvents.confirmed(missedOne, alice);
        TestEvents.expired(missedTwo, alice);
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().auth().oauth2(token).get("/notifications")
                .jsonPath().getList("items").size() == 4);
        try (SseClient client = SseClient.open(stream(), token, lastId)) {
            SseClient.Event one = client.next(Duration.ofSeconds(10));
            SseClient.Event two = client.next(Duration.ofSeconds(10));
            assertNotNull(one);
            assertNotNull(two);
            assertTrue(one.data().contains(missedOne.toString()), one.data());
            assertTrue(two.data().contains(missedTwo.toString()), two.data());
            assertEquals(Long.parseLong(lastId) + 1, Long.parseLong(one.id()));
            assertEquals(Long.parseLong(lastId) + 2, Long.parseLong(two.id()));
            SseClient.Event more = client.next(Duration.ofSeconds(1));
            assertEquals(null, more, "nothing else: no repeats");
        }
    }

    @Test
    void aStreamCarriesOnlyItsOwnUsersNotifications() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        try (SseClient alices = SseClient.open(stream(), TestTokens.customer(alice), null);
             SseClient bobs = SseClient.open(stream(), TestTokens.customer(bob), null)) {
            UUID booking = UUID.randomUUID();
            TestEvents.confirmed(booking, alice);
            SseClient.Event received = alices.next(Duration.ofSeconds(30));
            assertNotNull(received);
            assertTrue(received.data().contains(booking.toString()));
            // Bob's stream is alive (heartbeats) yet carries nothing of Alice's.
            await().atMost(Duration.ofSeconds(10)).until(() -> bobs.comments().contains("heartbeat"));
            assertEquals(List.of(), bobs.drain());
        }
    }

    @Test
    void streamEndsCleanlyWhenItsTokenExpires() {
        UUID carol = UUID.randomUUID();
        Instant expiry = Instant.now().plusSeconds(3);
        String shortLived = TestTokens.token(carol, Set.of("customer"), Duration.ofSeconds(3));
        try (SseClient client = SseClient.open(stream(), shortLived, null)) {
            assertEquals(200, client.status());
            await().atMost(Duration.ofSeconds(15)).until(client::ended);
            assertFalse(Instant.now().isBefore(expiry.minusSeconds(1)), "not before the token's expiry");
            assertTrue(client.comments().contains("token expired"), "the last line says why the stream ended");
        }
    }

    @Test
    void badLastEventIdIsAProblemAndNoStream() {
        UUID dave = UUID.randomUUID();
        for (String bad : List.of("abc", "-1", "99999999999999999999999")) {
            RestAssured.given().auth().oauth2(TestTokens.customer(dave)).header("Last-Event-ID", bad)
                    .when().get("/notifications/stream")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("Last-Event-ID"));
        }
        RestAssured.given().when().get("/notifications/stream").then().statusCode(401).contentType("application/problem+json");
    }
}
