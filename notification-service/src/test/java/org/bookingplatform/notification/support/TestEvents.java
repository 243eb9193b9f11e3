package org.bookingplatform.notification.support;

import org.bookingplatform.testsupport.KafkaTestClient;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes the CloudEvents notification-service consumes, as the other services do (binary mode, keyed by aggregate). */
public final class TestEvents {

    private TestEvents() {
    }

    /** Publishes {@code data} (a JSON object) as an event of {@code type}; returns the event id. */
    public static UUID publish(String topic, String type, String source, UUID aggregate, String data) {
        UUID eventId = UUID.randomUUID();
        publish(eventId, topic, type, source, aggregate, data);
        return eventId;
    }

    public static void publish(UUID eventId, String topic, String type, String source, UUID aggregate, String data) {
        String shortType = type.substring("org.bookingplatform.".length());
        KafkaTestClient.publish(topic, aggregate.toString(), data, Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", type,
                "ce_source", source,
                "ce_subject", aggregate.toString(),
                "ce_time", Instant.now().toString(),
                "ce_dataschema", "urn:bookingplatform:schema:" + shortType + ":v1",
                "content-type", "application/json"));
    }

    public static UUID booking(String shortType, UUID booking, String data) {
        return publish("booking.events", "org.bookingplatform." + shortType, "/booking-service", booking, data);
    }

    public static UUID payment(String shortType, UUID payment, String data) {
        return publish("payment.events", "org.bookingplatform." + shortType, "/payment-service", payment, data);
    }

    public static UUID user(String shortType, UUID user, String data) {
        return publish("user.events", "org.bookingplatform." + shortType, "/user-service", user, data);
    }

    public static String address(UUID user) {
        return "user-" + user + "@example.com";
    }

    /** user.registered as user-service publishes it; {@code locale} may be null (left out). */
    public static UUID registered(UUID user, String displayName, String locale) {
        String localeField = locale == null ? "" : ",\"locale\":\"" + locale + "\"";
        return user("user.registered", user, """
                {"userId":"%s","version":1,"occurredAt":"%s","email":"%s","displayName":"%s"%s}"""
                .formatted(user, Instant.now(), address(user), displayName, localeField));
    }

    /** user.registered with the per-kind switches, {@code emailPreferences} a JSON object such as {"confirmed":false,...}. */
    public static UUID registeredWithPreferences(UUID user, String displayName, String emailPreferences) {
        return user("user.registered", user, """
                {"userId":"%s","version":1,"occurredAt":"%s","email":"%s","displayName":"%s","emailNotifications":true,"emailPreferences":%s}"""
                .formatted(user, Instant.now(), address(user), displayName, emailPreferences));
    }

    public static UUID updated(UUID user, int version, String displayName, String locale, boolean emailNotifications) {
        return user("user.updated", user, """
                {"userId":"%s","version":%d,"occurredAt":"%s","email":"%s","displayName":"%s","locale":"%s","emailNotifications":%s,"phone":"+351 21 000 0000"}"""
                .formatted(user, version, Instant.now(), address(user), displayName, locale, emailNotifications));
    }

    /** user.updated with the per-kind switches, {@code emailPreferences} a JSON object such as {"confirmed":false,...}. */
    public static UUID updated(UUID user, int version, String displayName, boolean emailNotifications, String emailPreferences) {
        return user("user.updated", user, """
                {"userId":"%s","version":%d,"occurredAt":"%s","email":"%s","displayName":"%s","emailNotifications":%s,"emailPreferences":%s}"""
                .formatted(user, version, Instant.now(), address(user), displayName, emailNotifications, emailPreferences));
    }

    public static UUID erased(UUID user, int version) {
        return user("user.erased", user, """
                {"userId":"%s","version":%d,"occurredAt":"%s"}""".formatted(user, version, Instant.now()));
    }

    public static UUID confirmed(UUID booking, UUID customer) {
        return booking("booking.confirmed", booking, """
                {"bookingId":"%s","version":2,"occurredAt":"%s","listingId":"%s","customerId":"%s","paymentId":"%s"}"""
                .formatted(booking, Instant.now(), UUID.randomUUID(), customer, UUID.randomUUID()));
    }

    public static UUID expired(UUID booking, UUID customer) {
        return booking("booking.expired", booking, """
                {"bookingId":"%s","version":2,"occurredAt":"%s","listingId":"%s","customerId":"%s"}"""
                .formatted(booking, Instant.now(), UUID.randomUUID(), customer));
    }
}
