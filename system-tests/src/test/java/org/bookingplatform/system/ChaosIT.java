package org.bookingplatform.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bookingplatform.system.Catalog.Listing;
import org.bookingplatform.system.harness.Customer;
import org.bookingplatform.system.harness.Part;
import org.bookingplatform.system.harness.PartnerConsumer;
import org.bookingplatform.system.harness.Service;
import org.bookingplatform.system.harness.SmtpSink.Mail;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.Test;

/**
 * Under a steady booking load through the gateway, one fault after another: the provider failing 30 % of
 * calls and timing out 10 % while the SMTP sink is down for a minute, kill -9 of payment-service and then
 * of booking-service (each back after a few seconds), Kafka stopped for 30 s, PostgreSQL stopped for 90 s.
 * On the local platform one PostgreSQL serves every service and Keycloak, so that last fault takes every
 * database away at once (a harsher fault than booking-service's alone). Afterwards the databases, the
 * topics, the simulator and the SMTP sink must agree: no overbooking, no booking stuck, no double charge,
 * no captured money without a confirmed booking or a refund, no duplicate e-mail, every event consumed.
 */
@SystemTest
class ChaosIT {

    private static final int CUSTOMERS = 4;
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

    private static final Map<Service, String> BOOKING_EVENT_CONSUMERS =
            Map.of(Service.PAYMENT, "payment-service.booking-events", Service.NOTIFICATION, "notification-service.booking-events");
    private static final Map<Service, String> PAYMENT_EVENT_CONSUMERS =
            Map.of(Service.BOOKING, "booking-service.payment-events", Service.NOTIFICATION, "notification-service.payment-events");

    private final List<String> faults = new ArrayList<>();

    @Test
    void theSagaKeepsItsPromisesThroughCrashesAndOutages(SystemUnderTest system) throws Exception {
        Listing contended = Catalog.openListing(system, 2);
        Listing roomy = Catalog.openListing(system, 5000);
        List<Customer> customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> system.signUp()).toList();
        JsonNode simulatorBefore = system.simulator().get("/admin/stats").json();
        Map<String, List<Mail>> mailBeforeSmtpOutage;

        try (PartnerConsumer bookingEvents = system.partnerConsumer("booking.events");
             PartnerConsumer paymentEvents = system.partnerConsumer("payment.events")) {
            ChaosLoad load = new ChaosLoad(system, customers, List.of(contended.id(), roomy.id()),
                    contended.firstNight().toString(), contended.secondNight().toString());
            Instant t0 = Instant.now();
            try (load) {
                pause(Duration.ofSeconds(20));

                fault("provider: 30 % errors, 10 % timeouts; SMTP sink down", t0);
                assertEquals(200, system.simulator().put("/admin/faults",
                        Map.of("errorRate", 0.3, "timeoutRate", 0.1, "timeoutMs", 3000)).status());
                mailBeforeSmtpOutage = mailOf(system, customers);
                system.platform().stop(Part.SMTP_SINK);
                pause(Duration.ofSeconds(60));
                system.platform().start(Part.SMTP_SINK);
                assertEquals(2, system.simulator().delete("/admin/faults").status() / 100);

                fault("kill -9 payment-service", t0);
                system.platform().kill(Part.PAYMENT);
                pause(Duration.ofSeconds(5));
                system.platform().start(Part.PAYMENT);
                pause(Duration.ofSeconds(10));

                fault("kill -9 booking-service", t0);
                system.platform().kill(Part.BOOKING);
                pause(Duration.ofSeconds(5));
                system.platform().start(Part.BOOKING);
                pause(Duration.ofSeconds(10));

                fault("Kafka stopped for 30 s", t0);
                system.platform().stop(Part.KAFKA);
                pause(Duration.ofSeconds(30));
                system.platform().start(Part.KAFKA);
                pause(Duration.ofSeconds(10));

                fault("PostgreSQL stopped for 90 s", t0);
                system.platform().stop(Part.POSTGRES);
                pause(Duration.ofSeconds(90));
                system.platform().start(Part.POSTGRES);
                pause(Duration.ofSeconds(20));
            }
            List<String> bookings = load.bookings();
            awaitSettled(system, bookings, customers, Map.of(bookingEvents, BOOKING_EVENT_CONSUMERS, paymentEvents, PAYMENT_EVENT_CONSUMERS));

            Map<String, String> statuses = bookingStatuses(system, bookings);
            Map<String, Long> byStatus = new HashMap<>();
            statuses.values().forEach(status -> byStatus.merge(status, 1L, Long::sum));
            JsonNode simulatorAfter = system.simulator().get("/admin/stats").json();
            System.out.printf("chaos: %d holds attempted, %d refused (no capacity or a part away), %d bookings %s; %d payments attempted,"
                            + " %d declines retried, %d cancellations; %d answers 5xx/429/none retried; faults: %s%n",
                    load.holdsAttempted.get(), load.holdsRefused.get(), bookings.size(), byStatus, load.paymentsAttempted.get(),
                    load.declinesRetried.get(), load.cancellations.get(), load.unavailableAnswers.get(), faults);

            assertTrue(bookings.size() >= 50, "the load made too few bookings to prove anything: " + bookings.size());
            assertEquals(bookings.size(), statuses.size(), "every booking answered with 201 exists");
            assertInventoryMatchesBookings(system, List.of(contended.id(), roomy.id()));
            assertEverythingTerminalOrValidlyPending(system, bookings);
            long refunded = assertMoney(system, bookings, statuses);
            assertEquals(0, simulatorAfter.path("duplicateCharges").asLong() - simulatorBefore.path("duplicateCharges").asLong(),
                    "no charge twice for one payment at the provider");
            assertEquals(refunded, simulatorAfter.path("refunds").asLong() - simulatorBefore.path("refunds").asLong(),
                    "the provider refunded exactly the payments marked REFUNDED");
            assertNoDuplicateMail(system, customers, mailBeforeSmtpOutage);
            assertEveryEventConsumed(system, bookingEvents, "booking.events", BOOKING_EVENT_CONSUMERS);
            assertEveryEventConsumed(system, paymentEvents, "payment.events", PAYMENT_EVENT_CONSUMERS);
            System.out.printf("chaos: after the faults: %s, %d refunds at the provider, 0 duplicate charges, 0 duplicate e-mails%n",
                    byStatus, refunded);
        }
    }

    private void fault(String what, Instant t0) {
        faults.add("t+" + Duration.between(t0, Instant.now()).toSeconds() + "s " + what);
        System.out.println("chaos: " + faults.get(faults.size() - 1));
    }

    /**
     * Quiet: no unpaid hold of the load past its expiry, nothing of it PENDING in payments or refunds, no e-mail
     * of its customers waiting, every outbox drained, every record on the topics applied by each of its consumers
     * (a consumer retrying in place after the outages may still be behind when the outboxes are empty). On a
     * timeout the message names what is still pending.
     */
    private static void awaitSettled(SystemUnderTest system, List<String> bookings, List<Customer> customers,
                                     Map<PartnerConsumer, Map<Service, String>> topics) {
        List<String> users = customers.stream().map(customer -> customer.id().toString()).toList();
        await("the platform settles after the faults").atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            Map<String, Long> pending = new java.util.TreeMap<>();
            pending.put("holds past their expiry", count(system, Service.BOOKING, "SELECT count(*) FROM booking WHERE id = ANY(?)"
                    + " AND status = 'PENDING_PAYMENT' AND hold_expires_at < now() - interval '5 seconds'", bookings));
            pending.put("booking-service outbox", count(system, Service.BOOKING, "SELECT count(*) FROM outbox_event", null));
            pending.put("payment-service outbox", count(system, Service.PAYMENT, "SELECT count(*) FROM outbox_event", null));
            pending.put("payments pending", count(system, Service.PAYMENT,
                    "SELECT count(*) FROM payment WHERE booking_id = ANY(?) AND status = 'PENDING'", bookings));
            pending.put("refunds pending", count(system, Service.PAYMENT, "SELECT count(*) FROM refund r JOIN payment p"
                    + " ON p.id = r.payment_id WHERE p.booking_id = ANY(?) AND r.status = 'PENDING'", bookings));
            pending.put("e-mails queued", count(system, Service.NOTIFICATION,
                    "SELECT count(*) FROM email_message WHERE user_id = ANY(?) AND status IN ('PENDING', 'SENDING')", users));
            topics.forEach((partner, consumers) -> pending.putAll(unapplied(system, partner, Duration.ofSeconds(1), consumers)));
            pending.values().removeIf(n -> n == 0);
            assertEquals(Map.of(), pending, "still pending");
        });
    }

    /** held and booked of every slot are exactly what the bookings say, and never beyond capacity. */
    private static void assertInventoryMatchesBookings(SystemUnderTest system, List<String> listings) throws SQLException {
        String sql = """
                SELECT s.listing_id, s.slot_start, s.capacity, s.held, s.booked,
                       (SELECT coalesce(sum(b.quantity), 0) FROM booking b WHERE b.listing_id = s.listing_id AND b.status = 'PENDING_PAYMENT'
                          AND b.slot_start <= s.slot_start AND b.slot_end > s.slot_start) AS pending,
                       (SELECT coalesce(sum(b.quantity), 0) FROM booking b WHERE b.listing_id = s.listing_id AND b.status = 'CONFIRMED'
                          AND b.slot_start <= s.slot_start AND b.slot_end > s.slot_start) AS confirmed
                FROM slot_inventory s WHERE s.listing_id::text = ANY(?)""";
        try (Connection db = system.database(Service.BOOKING); PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", listings.toArray()));
            try (ResultSet slot = query.executeQuery()) {
                int slots = 0;
                while (slot.next()) {
                    slots++;
                    String where = slot.getString("listing_id") + " " + slot.getString("slot_start");
                    assertTrue(slot.getInt("held") + slot.getInt("booked") <= slot.getInt("capacity"), "overbooked: " + where);
                    assertEquals(slot.getInt("pending"), slot.getInt("held"), "held units that no pending booking holds: " + where);
                    assertEquals(slot.getInt("confirmed"), slot.getInt("booked"), "booked units that no confirmed booking has: " + where);
                }
                assertEquals(6, slots, "three nights of each of the two listings");
            }
        }
    }

    /**
     * The settle check lets a hold be past its expiry by up to 5 s (the expiry sweep, every second here, may
     * not have had its turn); one that ran out just before it may pass that check and be a little more
     * overdue moments later, here. So this allows 15 s: still far below anything a stuck sweep would show.
     */
    private static void assertEverythingTerminalOrValidlyPending(SystemUnderTest system, List<String> bookings) throws SQLException {
        assertEquals(0, count(system, Service.BOOKING, "SELECT count(*) FROM booking WHERE id = ANY(?) AND NOT (status IN"
                + " ('CONFIRMED', 'EXPIRED', 'CANCELLED') OR (status = 'PENDING_PAYMENT'"
                + " AND hold_expires_at > now() - interval '15 seconds'))", bookings), "a booking neither final nor validly pending");
    }

    /**
     * At most one captured payment per booking; a captured payment (AUTHORIZED) belongs to a CONFIRMED booking
     * paid by it, and every other charge taken was refunded. Returns how many payments were refunded.
     */
    private static long assertMoney(SystemUnderTest system, List<String> bookings, Map<String, String> bookingStatuses) throws SQLException {
        Map<String, String> paidBy = new HashMap<>();
        try (Connection db = system.database(Service.BOOKING);
             PreparedStatement query = db.prepareStatement("SELECT id, payment_id FROM booking WHERE id = ANY(?) AND status = 'CONFIRMED'")) {
            query.setArray(1, uuids(db, bookings));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    paidBy.put(row.getString("id"), row.getString("payment_id"));
                }
            }
        }
        long refunded = 0;
        Set<String> captured = new HashSet<>();
        try (Connection db = system.database(Service.PAYMENT); PreparedStatement query = db.prepareStatement("""
                SELECT p.id, p.booking_id, p.status, r.status AS refund FROM payment p LEFT JOIN refund r ON r.payment_id = p.id
                WHERE p.booking_id = ANY(?)""")) {
            query.setArray(1, uuids(db, bookings));
            try (ResultSet payment = query.executeQuery()) {
                while (payment.next()) {
                    String id = payment.getString("id");
                    String booking = payment.getString("booking_id");
                    switch (payment.getString("status")) {
                        case "AUTHORIZED" -> {
                            assertTrue(captured.add(booking), "two captured payments for booking " + booking);
                            assertEquals("CONFIRMED", bookingStatuses.get(booking), "payment " + id + " is captured but its booking is not confirmed");
                            assertEquals(id, paidBy.get(booking), "booking " + booking + " is confirmed by another payment than " + id);
                        }
                        case "REFUNDED" -> {
                            assertEquals("SUCCEEDED", payment.getString("refund"), "payment " + id + " is REFUNDED without a succeeded refund");
                            refunded++;
                        }
                        case "DECLINED" -> assertTrue(payment.getString("refund") == null, "a declined payment was refunded: " + id);
                        default -> throw new AssertionError("payment " + id + " is still " + payment.getString("status"));
                    }
                }
            }
        }
        paidBy.forEach((booking, payment) -> assertTrue(captured.contains(booking), "confirmed booking " + booking + " has no captured payment"));
        return refunded;
    }

    /** Every e-mail, before and after the SMTP outage, arrived once: no two with one Message-ID. */
    private static void assertNoDuplicateMail(SystemUnderTest system, List<Customer> customers, Map<String, List<Mail>> beforeOutage) {
        Map<String, List<Mail>> after = mailOf(system, customers);
        int total = 0;
        for (Customer customer : customers) {
            Set<String> ids = new HashSet<>();
            List<Mail> all = new ArrayList<>(beforeOutage.get(customer.email()));
            all.addAll(after.get(customer.email()));
            for (Mail mail : all) {
                Matcher id = MESSAGE_ID.matcher(mail.mimeMessage());
                assertTrue(id.find(), "an e-mail without a Message-ID: " + mail.subject());
                assertTrue(ids.add(id.group(1)), "e-mail sent twice to " + customer.email() + ": " + mail.subject());
                total++;
            }
        }
        assertTrue(total > 0, "the customers received no e-mail at all");
        long sent = count(system, Service.NOTIFICATION, "SELECT count(*) FROM email_message WHERE status = 'SENT'", null);
        assertTrue(sent >= total, "the sink holds more e-mails (" + total + ") than notification-service sent (" + sent + ")");
    }

    private static Map<String, List<Mail>> mailOf(SystemUnderTest system, List<Customer> customers) {
        Map<String, List<Mail>> mail = new HashMap<>();
        customers.forEach(customer -> mail.put(customer.email(), system.mail().messages(customer.email())));
        return mail;
    }

    /** Every record on the topic (this run's and earlier tests') is in the inbox of each consumer of it. */
    private static void assertEveryEventConsumed(SystemUnderTest system, PartnerConsumer partner, String topic,
                                                 Map<Service, String> consumers) {
        Map<String, Long> unapplied = unapplied(system, partner, Duration.ofSeconds(5), consumers);
        assertTrue(!partner.seen().isEmpty(), "no event on " + topic);
        unapplied.values().removeIf(n -> n == 0);
        assertEquals(Map.of(), unapplied, "records of " + topic + " not applied");
        System.out.printf("chaos: %d records of %s, each applied by %s%n", eventIds(partner).size(), topic, consumers.values());
    }

    /** For each consumer, how many of the records the partner has seen on the topic so far are not in its inbox. */
    private static Map<String, Long> unapplied(SystemUnderTest system, PartnerConsumer partner, Duration drain,
                                               Map<Service, String> consumers) {
        partner.drain(drain);
        List<String> ids = eventIds(partner);
        Map<String, Long> unapplied = new HashMap<>();
        consumers.forEach((service, consumer) -> {
            try (Connection db = system.database(service); PreparedStatement query = db.prepareStatement(
                    "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ANY(?)")) {
                query.setString(1, consumer);
                query.setArray(2, uuids(db, ids));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    unapplied.put(consumer + " unapplied", ids.size() - row.getLong(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(consumer, e);
            }
        });
        return unapplied;
    }

    private static List<String> eventIds(PartnerConsumer partner) {
        return partner.seen().stream().map(record -> PartnerConsumer.header(record, "ce_id")).distinct().toList();
    }

    private static Map<String, String> bookingStatuses(SystemUnderTest system, List<String> bookings) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection db = system.database(Service.BOOKING);
             PreparedStatement query = db.prepareStatement("SELECT id, status FROM booking WHERE id = ANY(?)")) {
            query.setArray(1, uuids(db, bookings));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    statuses.put(row.getString("id"), row.getString("status"));
                }
            }
        }
        return statuses;
    }

    private static long count(SystemUnderTest system, Service service, String sql, List<String> ids) {
        try (Connection db = system.database(service); PreparedStatement query = db.prepareStatement(sql)) {
            if (ids != null) {
                query.setArray(1, uuids(db, ids));
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Array uuids(Connection db, List<String> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.toArray());
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
