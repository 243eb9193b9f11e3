package org.bookingplatform.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bookingplatform.system.Catalog.Listing;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Customer;
import org.bookingplatform.system.harness.Http;
import org.bookingplatform.system.harness.Json;
import org.bookingplatform.system.harness.NotificationStream;
import org.bookingplatform.system.harness.SmtpSink.Mail;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.bookingplatform.system.harness.WebhookReceiver;
import org.bookingplatform.system.harness.WebhookReceiver.Delivery;
import org.junit.jupiter.api.Test;

/** A customer's booking from sign-up to refund, through the gateway only, with everything a customer and a partner see. */
@SystemTest
class BookingJourneyIT {

    private static final Duration SAGA = Duration.ofSeconds(60);
    private static final String CONFIRMED = "org.bookingplatform.booking.confirmed";
    private static final String CANCELLED = "org.bookingplatform.booking.cancelled";

    @Test
    void signUpSearchHoldPayConfirmCancelAndRefundWithMailWebhooksAndTheLiveStream(SystemUnderTest system) {
        Listing listing = Catalog.openListing(system, 2);
        try (WebhookReceiver partnerEndpoint = new WebhookReceiver()) {
            String secret = subscribe(system, partnerEndpoint);

            Customer customer = system.signUp();
            String token = system.token(customer);
            Http me = system.gateway(token);
            try (NotificationStream stream = system.notificationStream(token)) {
                ApiResponse search = system.gateway().get("/api/v1/listings?city=" + listing.city() + "&from=" + listing.firstNight()
                        + "&to=" + listing.secondNight() + "&quantity=1");
                assertEquals(200, search.status(), search::toString);
                assertEquals(listing.id(), search.json().path("items").get(0).path("id").asText(), search::toString);

                JsonNode hold = Catalog.holdFirstNight(me, listing, 1);
                String bookingId = hold.path("id").asText();
                assertEquals(listing.nightlyPrice(), hold.path("total").path("amount").asLong());
                assertEquals(1, Catalog.remainingFirstNight(system.gateway(), listing));

                ApiResponse payment = Catalog.pay(me, bookingId, "pm_card_visa");
                assertEquals(201, payment.status(), payment::toString);
                assertEquals("AUTHORIZED", payment.json().path("status").asText(), payment::toString);
                Catalog.awaitBooking(me, bookingId, "CONFIRMED", SAGA);
                awaitMail(system, customer, "Your booking is confirmed");
                Delivery confirmed = awaitDelivery(partnerEndpoint, CONFIRMED, bookingId);
                verifySignature(secret, confirmed);

                ApiResponse cancel = me.post("/api/v1/bookings/" + bookingId + "/cancel", "");
                assertEquals(200, cancel.status(), cancel::toString);
                assertEquals("CANCELLED", cancel.json().path("status").asText(), cancel::toString);
                Catalog.awaitPayment(me, bookingId, "REFUNDED", SAGA);
                awaitMail(system, customer, "Your booking was cancelled");
                awaitMail(system, customer, "Your refund was issued");
                verifySignature(secret, awaitDelivery(partnerEndpoint, CANCELLED, bookingId));
                assertEquals(2, Catalog.remainingFirstNight(system.gateway(), listing));

                await("the live stream shows each status change").atMost(SAGA).until(() -> stream.kinds(bookingId).containsAll(
                        List.of("booking.requested", "booking.confirmed", "booking.cancelled", "payment.refunded")));
                assertEquals(List.of("booking.requested", "booking.confirmed", "booking.cancelled", "payment.refunded"),
                        stream.kinds(bookingId), "in the order they happened, each once");
                assertEquals(200, stream.status());
            }
        }
    }

    @Test
    void aDeclinedPaymentCanBeRetriedWithAnotherCardAndTheBookingIsConfirmed(SystemUnderTest system) {
        Listing listing = Catalog.openListing(system, 1);
        Customer customer = system.signUp();
        Http me = system.gateway(system.token(customer));
        String bookingId = Catalog.holdFirstNight(me, listing, 1).path("id").asText();

        ApiResponse declined = Catalog.pay(me, bookingId, "pm_card_insufficient_funds");
        assertEquals(201, declined.status(), declined::toString);
        assertEquals("DECLINED", declined.json().path("status").asText(), declined::toString);
        assertEquals("INSUFFICIENT_FUNDS", declined.json().path("declineReason").asText(), declined::toString);
        JsonNode stillHeld = Catalog.awaitBooking(me, bookingId, "PENDING_PAYMENT", SAGA);
        assertEquals(0, Catalog.remainingFirstNight(system.gateway(), listing), "a declined payment keeps the hold");
        awaitMail(system, customer, "Your payment was declined");

        ApiResponse retried = Catalog.pay(me, bookingId, "pm_card_mastercard");
        assertEquals(201, retried.status(), retried::toString);
        assertEquals("AUTHORIZED", retried.json().path("status").asText(), retried::toString);
        JsonNode confirmed = Catalog.awaitBooking(me, bookingId, "CONFIRMED", SAGA);
        assertEquals(retried.json().path("id").asText(), confirmed.path("paymentId").asText());
        assertTrue(stillHeld.path("holdExpiresAt").isTextual());
        awaitMail(system, customer, "Your booking is confirmed");
    }

    private static String subscribe(SystemUnderTest system, WebhookReceiver endpoint) {
        ApiResponse subscription = system.gateway(system.partnerClientToken()).post("/api/v1/webhooks/subscriptions",
                Map.of("url", endpoint.url().toString(), "eventTypes", List.of(CONFIRMED, CANCELLED)));
        assertEquals(201, subscription.status(), subscription::toString);
        String secret = subscription.json().path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), subscription::toString);
        return secret;
    }

    private static Delivery awaitDelivery(WebhookReceiver endpoint, String type, String bookingId) {
        return await(type + " webhook").atMost(SAGA).until(() -> endpoint.deliveries().stream().filter(delivery -> {
            JsonNode event = Json.parse(delivery.body());
            return type.equals(event.path("type").asText()) && bookingId.equals(event.path("subject").asText());
        }).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    /** What a partner does with every delivery: the Standard Webhooks signature over the exact body, with the secret shown at subscription. */
    private static void verifySignature(String secret, Delivery delivery) {
        try {
            new Webhook(secret).verify(delivery.body(), delivery.headers());
        } catch (Exception forged) {
            throw new AssertionError("the delivery's signature does not verify: " + delivery, forged);
        }
        assertEquals(Json.parse(delivery.body()).path("id").asText(), delivery.header("webhook-id"));
    }

    static Mail awaitMail(SystemUnderTest system, Customer customer, String subject) {
        return await("e-mail '" + subject + "' to " + customer.email()).atMost(SAGA).until(
                () -> system.mail().messages(customer.email()).stream().filter(mail -> mail.subject().contains(subject)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }
}
