package org.bookingplatform.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Json;
import org.bookingplatform.system.harness.Service;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON body of the API, broken: malformed, a wrong type in each field, 2 MB, and injection
 * strings in each field. A refusal is 4xx problem+json (never 5xx) and leaves the service's
 * database as it was (the rows the call could have made or changed, read by JDBC before and after).
 * Only a free-text field (a name, a description, a password) may take such a string: then the
 * answer is 2xx and the text comes back exactly as sent.
 */
@SystemTest
class HostileBodiesIT {

    private static final Map<String, String> INJECTIONS = new LinkedHashMap<>();

    static {
        INJECTIONS.put("sql", "x' OR '1'='1'; DROP TABLE booking; --");
        INJECTIONS.put("script", "<script>alert(1)</script>");
        INJECTIONS.put("nul", "\u0000");
        INJECTIONS.put("path", "../../../../etc/passwd");
        INJECTIONS.put("jndi", "${jndi:ldap://127.0.0.1:1/a}");
        INJECTIONS.put("long", "A".repeat(10_000));
        // Above user-service's own body limit (64K), below the gateway's (1M).
        INJECTIONS.put("100k", "A".repeat(100_000));
    }

    enum Kind { STRING, NUMBER, UUID, INSTANT, OBJECT, ARRAY, ITEM }

    /** A field of a body: its path ("unitPrice.amount", "eventTypes[0]"), kind, and whether free text may hold anything. */
    record Field(String path, Kind kind, boolean freeText) {
        static Field of(String path, Kind kind) {
            return new Field(path, kind, false);
        }

        static Field text(String path) {
            return new Field(path, Kind.STRING, true);
        }
    }

    /** A body of the API: who sends it where, a valid example, and what in the database it could change. */
    record Body(String name, String method, String path, String contentType, String token, ObjectNode valid,
                Service database, String stateQuery, Object queryArgument) {
    }

    private static final Map<String, List<Field>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("sign-up", List.of(Field.of("email", Kind.STRING), new Field("password", Kind.STRING, true),
                Field.text("displayName"), Field.of("locale", Kind.STRING), Field.of("phone", Kind.STRING)));
        FIELDS.put("profile", List.of(Field.text("displayName"), Field.of("phone", Kind.STRING), Field.of("locale", Kind.STRING),
                Field.of("emailPreferences", Kind.OBJECT)));
        FIELDS.put("hold", List.of(Field.of("listingId", Kind.UUID), Field.of("start", Kind.INSTANT), Field.of("end", Kind.INSTANT),
                Field.of("quantity", Kind.NUMBER)));
        FIELDS.put("pay", List.of(Field.of("bookingId", Kind.UUID), Field.of("paymentMethod", Kind.STRING)));
        List<Field> listing = List.of(Field.text("name"), Field.text("description"), Field.of("category", Kind.STRING), Field.text("city"),
                Field.of("unitPrice", Kind.OBJECT), Field.of("unitPrice.amount", Kind.NUMBER), Field.of("unitPrice.currency", Kind.STRING));
        List<Field> newListing = new ArrayList<>(listing);
        newListing.add(Field.of("timeZone", Kind.STRING));
        newListing.add(Field.of("slotMinutes", Kind.NUMBER));
        FIELDS.put("listing", newListing);
        FIELDS.put("listing-update", listing);
        FIELDS.put("inventory", List.of(Field.of("from", Kind.INSTANT), Field.of("to", Kind.INSTANT), Field.of("capacity", Kind.NUMBER)));
        FIELDS.put("slot", List.of(Field.of("capacity", Kind.NUMBER)));
        FIELDS.put("subscription", List.of(Field.of("url", Kind.STRING), Field.of("eventTypes", Kind.ARRAY), Field.of("eventTypes[0]", Kind.ITEM)));
    }

    private static final Map<String, Body> BODIES = new LinkedHashMap<>();
    private static Calls calls;
    private static SystemUnderTest sut;
    private static String partner;

    @BeforeAll
    static void setUp(SystemUnderTest system) {
        sut = system;
        calls = new Calls(system.gatewayUrl());
        Instant began = Instant.now();
        var customer = system.signUp();
        String customerToken = system.token(customer);
        String operator = system.demoToken("olivia");
        partner = system.partnerClientToken();
        Instant night = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        String city = "Hostiletown-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode listingBody = object(Map.of("name", "Hostile room", "description", "A room of the hostile bodies", "category", "STAY",
                "city", city, "timeZone", "UTC", "slotMinutes", 1440, "unitPrice", Map.of("amount", 9900, "currency", "EUR")));
        ApiResponse listing = calls.sendJson("POST", "/api/v1/listings", operator, Json.write(listingBody), Map.of());
        assertEquals(201, listing.status(), listing::toString);
        UUID listingId = UUID.fromString(listing.json().path("id").asText());
        ObjectNode inventory = object(Map.of("from", night.toString(), "to", night.plus(3, ChronoUnit.DAYS).toString(), "capacity", 10));
        assertEquals(200, calls.sendJson("PUT", "/api/v1/listings/" + listingId + "/inventory", operator, Json.write(inventory), Map.of()).status());
        ObjectNode hold = object(Map.of("listingId", listingId.toString(), "start", night.toString(),
                "end", night.plus(1, ChronoUnit.DAYS).toString(), "quantity", 1));
        ApiResponse held = calls.sendJson("POST", "/api/v1/bookings", customerToken, Json.write(hold), Map.of("Idempotency-Key", "hostile-" + UUID.randomUUID()));
        assertEquals(201, held.status(), held::toString);
        ObjectNode update = listingBody.deepCopy();
        update.remove(List.of("timeZone", "slotMinutes"));
        // Capacities only: the fixture hold's expiry changes the held count meanwhile.
        String slots = "select string_agg(slot_start || '=' || capacity, '|' order by slot_start) from slot_inventory where listing_id = ?";

        add(new Body("sign-up", "POST", "/api/v1/users", "application/json", null,
                object(Map.of("email", "hostile-" + UUID.randomUUID() + "@system-tests.example", "password", "pw-" + UUID.randomUUID(),
                        "displayName", "Hostile", "locale", "en", "phone", "+351912345678")),
                Service.USER, "select count(*) from user_profile where created_at > ?", Timestamp.from(began)));
        add(new Body("profile", "PATCH", "/api/v1/users/me", "application/merge-patch+json", customerToken,
                object(Map.of("displayName", "Hostile Customer", "phone", "+351912345678", "locale", "en", "emailPreferences", Map.of())),
                Service.USER, "select t::text from user_profile t where id = ?", customer.id()));
        add(new Body("hold", "POST", "/api/v1/bookings", "application/json", customerToken, hold,
                Service.BOOKING, "select (select count(*) from booking where listing_id = ?) || ':' || (" + slots + ")", listingId));
        add(new Body("pay", "POST", "/api/v1/payments", "application/json", customerToken,
                object(Map.of("bookingId", held.json().path("id").asText(), "paymentMethod", "pm_card_visa")),
                Service.PAYMENT, "select count(*) from payment where customer_id = ?", customer.id()));
        add(new Body("listing", "POST", "/api/v1/listings", "application/json", operator, listingBody,
                Service.BOOKING, "select count(*) from listing", null));
        add(new Body("listing-update", "PUT", "/api/v1/listings/" + listingId, "application/json", operator, update,
                Service.BOOKING, "select t::text from listing t where id = ?", listingId));
        add(new Body("inventory", "PUT", "/api/v1/listings/" + listingId + "/inventory", "application/json", operator, inventory,
                Service.BOOKING, slots, listingId));
        add(new Body("slot", "PUT", "/api/v1/listings/" + listingId + "/inventory/" + night, "application/json", operator,
                object(Map.of("capacity", 10)), Service.BOOKING, slots, listingId));
        add(new Body("subscription", "POST", "/api/v1/webhooks/subscriptions", "application/json", partner,
                object(Map.of("url", "http://127.0.0.1:9/hostile-bodies", "eventTypes", List.of("org.bookingplatform.booking.confirmed"))),
                Service.NOTIFICATION, "select count(*) from webhook_subscription", null));
    }

    @AfterAll
    static void deleteSubscriptions() {
        if (partner == null) {
            return;
        }
        for (JsonNode subscription : calls.send("GET", "/api/v1/webhooks/subscriptions?size=100", partner).json().path("items")) {
            if (subscription.path("url").asText().startsWith("http://127.0.0.1:9/hostile-bodies")) {
                calls.send("DELETE", "/api/v1/webhooks/subscriptions/" + subscription.path("id").asText(), partner);
            }
        }
    }

    private static void add(Body body) {
        BODIES.put(body.name(), body);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        FIELDS.forEach((body, fields) -> {
            cases.add(Arguments.of(body, "malformed: truncated", null, null));
            cases.add(Arguments.of(body, "malformed: not JSON", null, null));
            cases.add(Arguments.of(body, "2 MB", null, null));
            for (Field field : fields) {
                cases.add(Arguments.of(body, "wrong type", field, wrongType(field.kind())));
                if (field.kind() != Kind.OBJECT && field.kind() != Kind.ARRAY) {
                    INJECTIONS.forEach((name, value) -> cases.add(Arguments.of(body, "injection " + name, field, new TextNode(value))));
                }
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("cases")
    void aHostileBodyIsRefusedAndChangesNothing(String bodyName, String attack, Field field, JsonNode value) {
        Body body = BODIES.get(bodyName);
        String payload = switch (attack) {
            case "malformed: truncated" -> {
                String valid = Json.write(body.valid());
                yield valid.substring(0, valid.length() / 2);
            }
            case "malformed: not JSON" -> "listingId=1&quantity=2";
            case "2 MB" -> {
                ObjectNode huge = body.valid().deepCopy();
                huge.put("padding", "A".repeat(2 * 1024 * 1024));
                yield Json.write(huge);
            }
            default -> Json.write(with(body.valid(), field.path(), value));
        };
        if (bodyName.equals("sign-up") && (field == null || !field.path().equals("email"))) {
            // A sign-up that is taken must not fail the next one for its e-mail address.
            payload = payload.replace(body.valid().path("email").asText(), "hostile-" + UUID.randomUUID() + "@system-tests.example");
        }
        String what = bodyName + " " + attack + (field == null ? "" : " in " + field.path());
        String before = state(body);
        ApiResponse response = calls.send(body.method(), body.path(), body.token(), body.contentType(), payload,
                Map.of("Idempotency-Key", "hostile-" + UUID.randomUUID()));
        assertTrue(response.status() < 500, () -> what + ": a server error -> " + response);
        if (response.status() / 100 == 2 && field != null && field.freeText() && value.isTextual()) {
            if (!field.path().equals("password")) {
                assertEquals(value.asText(), response.json().path(field.path()).asText(), () -> what + ": taken, but not as sent");
            }
            return;
        }
        assertEquals(4, response.status() / 100, () -> what + ": not refused -> " + response);
        Calls.assertProblem(response, what);
        assertEquals(before, state(body), () -> what + ": refused, yet " + body.database().database() + " changed");
    }

    /** What in the database the body could change, as one text. */
    private static String state(Body body) {
        try (Connection db = sut.database(body.database()); PreparedStatement query = db.prepareStatement(body.stateQuery())) {
            for (int i = 1; i <= query.getParameterMetaData().getParameterCount(); i++) {
                query.setObject(i, body.queryArgument());
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? String.valueOf(rows.getString(1)) : "no row";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(body.stateQuery(), e);
        }
    }

    private static JsonNode wrongType(Kind kind) {
        return switch (kind) {
            case STRING, ITEM -> Json.object().put("nested", 1);
            case NUMBER, OBJECT, ARRAY -> new TextNode("not-a-number-or-object");
            case UUID, INSTANT -> BooleanNode.TRUE;
        };
    }

    /** A copy of the body with the value at the path ("a", "a.b", "a[0]"). */
    private static ObjectNode with(ObjectNode valid, String path, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        if (path.endsWith("[0]")) {
            ((ArrayNode) copy.path(path.substring(0, path.length() - 3))).set(0, value);
            return copy;
        }
        int dot = path.indexOf('.');
        ObjectNode parent = dot < 0 ? copy : (ObjectNode) copy.path(path.substring(0, dot));
        parent.set(dot < 0 ? path : path.substring(dot + 1), value);
        return copy;
    }

    private static ObjectNode object(Map<String, Object> fields) {
        return (ObjectNode) Json.parse(Json.write(fields));
    }
}
