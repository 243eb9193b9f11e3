package org.bookingplatform.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Customer;
import org.bookingplatform.system.harness.Json;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what: every operation of the combined OpenAPI document, as each kind of caller,
 * with the status the platform must answer. The ids in the paths are real: the customer's own
 * booking, payment and notification, a listing of the operator, a subscription of the partner;
 * calls that change something get a fresh resource each and a valid body, so that the answer is
 * the access decision and not validation. Every 4xx must be problem+json.
 */
@SystemTest
class SecurityMatrixIT {

    /**
     * The matrix. Columns: anonymous; customer (owns the path's booking, payment, notification);
     * another customer; operator (olivia); partner (partner-demo's client token); a token of another
     * client of the realm (user-service) without the platform's audience. The partner's client has no
     * e-mail address, so it has no profile: 422 on /users/me. "skip": not called, because
     * the call would erase a demo identity the other tests sign in with.
     */
    static final String MATRIX = """
            METHOD path                                                         anonymous customer other operator partner foreign
            GET    /api/v1/openapi.json                                               200      200   200      200     200     401
            GET    /api/v1/listings                                                   200      200   200      200     200     401
            POST   /api/v1/listings                                                   401      403   403      201     403     401
            GET    /api/v1/listings/{id}                                              200      200   200      200     200     401
            PUT    /api/v1/listings/{id}                                              401      403   403      200     403     401
            POST   /api/v1/listings/{id}/archive                                      401      403   403      200     403     401
            GET    /api/v1/listings/{id}/availability                                 200      200   200      200     200     401
            PUT    /api/v1/listings/{id}/inventory                                    401      403   403      200     403     401
            PUT    /api/v1/listings/{id}/inventory/{slotStart}                        401      403   403      200     403     401
            GET    /api/v1/bookings                                                   401      200   200      200     403     401
            POST   /api/v1/bookings                                                   401      201   201      201     403     401
            GET    /api/v1/bookings/{id}                                              401      200   404      200     403     401
            POST   /api/v1/bookings/{id}/cancel                                       401      200   404      200     403     401
            GET    /api/v1/me/bookings/{id}/overview                                  401      200   404      200     403     401
            GET    /api/v1/payments                                                   401      200   200      200     403     401
            POST   /api/v1/payments                                                   401      201   404      404     403     401
            GET    /api/v1/payments/{id}                                              401      200   404      200     403     401
            GET    /api/v1/users                                                      401      403   403      200     403     401
            POST   /api/v1/users                                                      201      201   201      201     201     401
            GET    /api/v1/users/{id}                                                 401      403   403      200     403     401
            DELETE /api/v1/users/{id}                                                 401      403   403      204     403     401
            GET    /api/v1/users/me                                                   401      200   200      200     422     401
            PATCH  /api/v1/users/me                                                   401      200   200      200     422     401
            DELETE /api/v1/users/me                                                   401      204   204     skip    skip     401
            GET    /api/v1/notifications                                              401      200   200      200     200     401
            POST   /api/v1/notifications/{id}/read                                    401      200   404      404     404     401
            POST   /api/v1/notifications/read-all                                     401      200   200      200     200     401
            GET    /api/v1/notifications/stream                                       401      200   200      200     200     401
            GET    /api/v1/webhooks/subscriptions                                     401      403   403      403     200     401
            POST   /api/v1/webhooks/subscriptions                                     401      403   403      403     201     401
            GET    /api/v1/webhooks/subscriptions/{id}                                401      403   403      403     200     401
            DELETE /api/v1/webhooks/subscriptions/{id}                                401      403   403      403     204     401
            POST   /api/v1/webhooks/subscriptions/{id}/rotate-secret                  401      403   403      403     200     401
            GET    /api/v1/webhooks/subscriptions/{id}/deliveries                     401      403   403      403     200     401
            POST   /api/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/redeliver 401  403   403      403     404     401
            """;

    private static final Map<String, Map<Caller, String>> EXPECTED = parse(MATRIX);
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static Fixtures fx;

    @BeforeAll
    static void setUp(SystemUnderTest system) {
        fx = new Fixtures(system);
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.deleteSubscriptions();
        }
    }

    @Test
    void theMatrixListsExactlyTheOperationsOfTheCombinedOpenApiDocument(SystemUnderTest system) {
        ApiResponse document = system.gateway().get("/api/v1/openapi.json");
        assertEquals(200, document.status(), document::toString);
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.json().path("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        Set<String> listed = new TreeSet<>(EXPECTED.keySet());
        Set<String> unlisted = new TreeSet<>(documented);
        unlisted.removeAll(listed);
        Set<String> undocumented = new TreeSet<>(listed);
        undocumented.removeAll(documented);
        assertTrue(unlisted.isEmpty() && undocumented.isEmpty(),
                "operations of the OpenAPI document missing from MATRIX: " + unlisted + "; rows of MATRIX the document lacks: " + undocumented);
        assertEquals(listed, new TreeSet<>(REQUESTS.keySet()), "every row of MATRIX has a request");
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        EXPECTED.forEach((operation, statuses) -> statuses.forEach((caller, status) -> {
            if (!"skip".equals(status)) {
                cells.add(Arguments.of(operation, caller, Integer.parseInt(status)));
            }
        }));
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void eachCallerGetsTheStatusOfTheMatrix(String operation, Caller caller, int expected) {
        Call call = REQUESTS.get(operation).apply(caller, fx);
        String token = call.token() != null ? call.token() : fx.token(caller);
        ApiResponse response = fx.calls.send(call.method(), call.path(), token, call.contentType(), call.body(), call.headers());
        String what = caller.column() + ": " + call.method() + " " + call.path();
        assertEquals(expected, response.status(), () -> what + " -> " + response);
        if (expected >= 400) {
            Calls.assertProblem(response, what);
        }
    }

    /** One request of a cell: the caller's own token unless {@code token} names another (a fresh account). */
    record Call(String method, String path, String contentType, String body, Map<String, String> headers, String token) {
        static Call of(String method, String path) {
            return new Call(method, path, null, null, Map.of(), null);
        }

        static Call json(String method, String path, Object body) {
            return new Call(method, path, "application/json", Json.write(body), Map.of("Idempotency-Key", "matrix-" + UUID.randomUUID()), null);
        }

        Call as(String otherToken) {
            return new Call(method, path, contentType, body, headers, otherToken);
        }
    }

    /** The request of each row, for a caller: where the call changes something, on a resource of its own. */
    private static final Map<String, BiFunction<Caller, Fixtures, Call>> REQUESTS = new LinkedHashMap<>();

    static {
        row("GET /api/v1/openapi.json", (c, f) -> Call.of("GET", "/api/v1/openapi.json"));
        row("GET /api/v1/listings", (c, f) -> Call.of("GET", "/api/v1/listings?city=" + f.city));
        row("POST /api/v1/listings", (c, f) -> Call.json("POST", "/api/v1/listings", Fixtures.listingBody(f.city)));
        row("GET /api/v1/listings/{id}", (c, f) -> Call.of("GET", "/api/v1/listings/" + f.listing));
        row("PUT /api/v1/listings/{id}", (c, f) -> Call.json("PUT", "/api/v1/listings/" + f.listing, Fixtures.listingUpdate(f.city)));
        row("POST /api/v1/listings/{id}/archive", (c, f) -> Call.of("POST", "/api/v1/listings/"
                + (c == Caller.OPERATOR ? f.newListing() : f.listing) + "/archive"));
        row("GET /api/v1/listings/{id}/availability", (c, f) -> Call.of("GET", "/api/v1/listings/" + f.listing + "/availability?from="
                + f.firstNight + "&to=" + f.firstNight.plus(1, ChronoUnit.DAYS)));
        row("PUT /api/v1/listings/{id}/inventory", (c, f) -> Call.json("PUT", "/api/v1/listings/" + f.listing + "/inventory", f.inventoryBody()));
        row("PUT /api/v1/listings/{id}/inventory/{slotStart}", (c, f) -> Call.json("PUT", "/api/v1/listings/" + f.listing + "/inventory/"
                + f.firstNight, Map.of("capacity", Fixtures.CAPACITY)));
        row("GET /api/v1/bookings", (c, f) -> Call.of("GET", "/api/v1/bookings"));
        row("POST /api/v1/bookings", (c, f) -> Call.json("POST", "/api/v1/bookings", f.holdBody()));
        row("GET /api/v1/bookings/{id}", (c, f) -> Call.of("GET", "/api/v1/bookings/" + f.booking));
        row("POST /api/v1/bookings/{id}/cancel", (c, f) -> Call.of("POST", "/api/v1/bookings/" + f.holdOfCustomer() + "/cancel"));
        row("GET /api/v1/me/bookings/{id}/overview", (c, f) -> Call.of("GET", "/api/v1/me/bookings/" + f.booking + "/overview"));
        row("GET /api/v1/payments", (c, f) -> Call.of("GET", "/api/v1/payments"));
        row("POST /api/v1/payments", (c, f) -> Call.json("POST", "/api/v1/payments",
                Map.of("bookingId", f.holdOfCustomer(), "paymentMethod", "pm_card_visa")));
        row("GET /api/v1/payments/{id}", (c, f) -> Call.of("GET", "/api/v1/payments/" + f.payment));
        row("GET /api/v1/users", (c, f) -> Call.of("GET", "/api/v1/users"));
        row("POST /api/v1/users", (c, f) -> Call.json("POST", "/api/v1/users", Fixtures.signUpBody()));
        row("GET /api/v1/users/{id}", (c, f) -> Call.of("GET", "/api/v1/users/" + f.customer.id()));
        row("DELETE /api/v1/users/{id}", (c, f) -> Call.of("DELETE", "/api/v1/users/" + (c == Caller.OPERATOR ? f.system.signUp() : f.victim).id()));
        row("GET /api/v1/users/me", (c, f) -> Call.of("GET", "/api/v1/users/me"));
        row("PATCH /api/v1/users/me", (c, f) -> new Call("PATCH", "/api/v1/users/me", "application/merge-patch+json", "{\"locale\":\"en\"}",
                Map.of(), null));
        row("DELETE /api/v1/users/me", (c, f) -> {
            Call erase = Call.of("DELETE", "/api/v1/users/me");
            return c == Caller.CUSTOMER || c == Caller.OTHER_CUSTOMER ? erase.as(f.system.token(f.system.signUp())) : erase;
        });
        row("GET /api/v1/notifications", (c, f) -> Call.of("GET", "/api/v1/notifications"));
        row("POST /api/v1/notifications/{id}/read", (c, f) -> Call.of("POST", "/api/v1/notifications/" + f.notification() + "/read"));
        row("POST /api/v1/notifications/read-all", (c, f) -> Call.of("POST", "/api/v1/notifications/read-all"));
        row("GET /api/v1/notifications/stream", (c, f) -> Call.of("GET", "/api/v1/notifications/stream"));
        row("GET /api/v1/webhooks/subscriptions", (c, f) -> Call.of("GET", "/api/v1/webhooks/subscriptions"));
        row("POST /api/v1/webhooks/subscriptions", (c, f) -> Call.json("POST", "/api/v1/webhooks/subscriptions", Fixtures.subscriptionBody()));
        row("GET /api/v1/webhooks/subscriptions/{id}", (c, f) -> Call.of("GET", "/api/v1/webhooks/subscriptions/" + f.subscription));
        row("DELETE /api/v1/webhooks/subscriptions/{id}", (c, f) -> Call.of("DELETE", "/api/v1/webhooks/subscriptions/"
                + (c == Caller.PARTNER ? f.newSubscription() : f.subscription)));
        row("POST /api/v1/webhooks/subscriptions/{id}/rotate-secret", (c, f) -> Call.of("POST", "/api/v1/webhooks/subscriptions/"
                + f.subscription + "/rotate-secret"));
        row("GET /api/v1/webhooks/subscriptions/{id}/deliveries", (c, f) -> Call.of("GET", "/api/v1/webhooks/subscriptions/"
                + f.subscription + "/deliveries"));
        // No delivery is made for a subscription of this test: a delivery id of nobody's is the partner's 404.
        row("POST /api/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/redeliver", (c, f) -> Call.of("POST",
                "/api/v1/webhooks/subscriptions/" + f.subscription + "/deliveries/" + UUID.randomUUID() + "/redeliver"));
    }

    private static void row(String operation, BiFunction<Caller, Fixtures, Call> request) {
        REQUESTS.put(operation, request);
    }

    private static Map<String, Map<Caller, String>> parse(String matrix) {
        Map<String, Map<Caller, String>> rows = new LinkedHashMap<>();
        List<String> lines = matrix.lines().filter(line -> !line.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            Caller[] callers = Caller.values();
            if (cells.length != 2 + callers.length) {
                throw new IllegalStateException("MATRIX row without a status per caller: " + line);
            }
            Map<Caller, String> statuses = new EnumMap<>(Caller.class);
            for (int i = 0; i < callers.length; i++) {
                statuses.put(callers[i], cells[2 + i]);
            }
            if (rows.put(cells[0] + " " + cells[1], statuses) != null) {
                throw new IllegalStateException("MATRIX lists twice: " + line);
            }
        }
        String header = String.join(" ", Arrays.copyOfRange(lines.get(0).trim().split("\\s+"), 2, 2 + Caller.values().length));
        String columns = String.join(" ", Stream.of(Caller.values()).map(Caller::column).toList());
        if (!header.equals(columns)) {
            throw new IllegalStateException("MATRIX columns are " + columns + ", not " + header);
        }
        return rows;
    }

    /** The callers' tokens and the resources the paths name, made once for the class. */
    static final class Fixtures {
        static final int CAPACITY = 1000;

        final SystemUnderTest system;
        final Calls calls;
        final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        final String city = "Matrixtown-" + UUID.randomUUID().toString().substring(0, 8);
        final Instant firstNight = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        final Customer customer;
        final Customer victim;
        final String listing;
        final String booking;
        final String payment;
        final String subscription;
        private final List<String> subscriptions = new ArrayList<>();
        private String notification;

        Fixtures(SystemUnderTest system) {
            this.system = system;
            this.calls = new Calls(system.gatewayUrl());
            customer = system.signUp();
            tokens.put(Caller.CUSTOMER, system.token(customer));
            tokens.put(Caller.OTHER_CUSTOMER, system.token(system.signUp()));
            tokens.put(Caller.OPERATOR, system.demoToken("olivia"));
            tokens.put(Caller.PARTNER, system.partnerClientToken());
            tokens.put(Caller.FOREIGN_CLIENT, system.keycloak().clientToken("user-service", system.secret("USER_SERVICE_CLIENT_SECRET")));
            victim = system.signUp();
            listing = newListing();
            booking = holdOfCustomer();
            ApiResponse paid = created(calls.sendJson("POST", "/api/v1/payments", token(Caller.CUSTOMER),
                    Json.write(Map.of("bookingId", holdOfCustomer(), "paymentMethod", "pm_card_visa")), idempotencyKey()));
            payment = paid.json().path("id").asText();
            subscription = newSubscription();
        }

        String token(Caller caller) {
            return tokens.get(caller);
        }

        String newListing() {
            String token = token(Caller.OPERATOR);
            String id = created(calls.sendJson("POST", "/api/v1/listings", token, Json.write(listingBody(city)), Map.of()))
                    .json().path("id").asText();
            ApiResponse opened = calls.sendJson("PUT", "/api/v1/listings/" + id + "/inventory", token, Json.write(inventoryBody()), Map.of());
            assertEquals(200, opened.status(), opened::toString);
            return id;
        }

        /** A new hold of the customer's on the listing's first night. */
        String holdOfCustomer() {
            return created(calls.sendJson("POST", "/api/v1/bookings", token(Caller.CUSTOMER), Json.write(holdBody()), idempotencyKey()))
                    .json().path("id").asText();
        }

        String newSubscription() {
            String id = created(calls.sendJson("POST", "/api/v1/webhooks/subscriptions", token(Caller.PARTNER),
                    Json.write(subscriptionBody()), Map.of())).json().path("id").asText();
            subscriptions.add(id);
            return id;
        }

        /** One of the customer's notifications (the booking's), once notification-service has it. */
        synchronized String notification() {
            if (notification == null) {
                Awaitility.await("a notification of the customer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            JsonNode items = calls.send("GET", "/api/v1/notifications", token(Caller.CUSTOMER)).json().path("items");
                            notification = items.isEmpty() ? null : items.get(0).path("id").asText();
                            return notification != null;
                        });
            }
            return notification;
        }

        /** The partner may have 20 subscriptions: those of this class go again. */
        void deleteSubscriptions() {
            JsonNode mine = calls.send("GET", "/api/v1/webhooks/subscriptions?size=100", token(Caller.PARTNER)).json().path("items");
            for (JsonNode subscription : mine) {
                if (subscription.path("url").asText().startsWith(SUBSCRIBER)) {
                    calls.send("DELETE", "/api/v1/webhooks/subscriptions/" + subscription.path("id").asText(), token(Caller.PARTNER));
                }
            }
        }

        static final String SUBSCRIBER = "http://127.0.0.1:9/security-matrix";

        static Map<String, Object> subscriptionBody() {
            return Map.of("url", SUBSCRIBER, "eventTypes", List.of("org.bookingplatform.booking.confirmed"));
        }

        static Map<String, Object> signUpBody() {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            return Map.of("email", "matrix-" + unique + "@system-tests.example", "password", "pw-" + UUID.randomUUID(),
                    "displayName", "Matrix " + unique, "locale", "en");
        }

        static Map<String, Object> listingBody(String city) {
            return Map.of("name", "Matrix room", "description", "A room of the security matrix", "category", "STAY", "city", city,
                    "timeZone", "UTC", "slotMinutes", 1440, "unitPrice", Map.of("amount", 9900, "currency", "EUR"));
        }

        static Map<String, Object> listingUpdate(String city) {
            return Map.of("name", "Matrix room", "description", "A room of the security matrix", "category", "STAY", "city", city,
                    "unitPrice", Map.of("amount", 9900, "currency", "EUR"));
        }

        Map<String, Object> inventoryBody() {
            return Map.of("from", firstNight.toString(), "to", firstNight.plus(3, ChronoUnit.DAYS).toString(), "capacity", CAPACITY);
        }

        Map<String, Object> holdBody() {
            return Map.of("listingId", listing, "start", firstNight.toString(), "end", firstNight.plus(1, ChronoUnit.DAYS).toString(),
                    "quantity", 1);
        }

        static Map<String, String> idempotencyKey() {
            return Map.of("Idempotency-Key", "matrix-" + UUID.randomUUID());
        }

        private static ApiResponse created(ApiResponse response) {
            assertEquals(201, response.status(), response::toString);
            return response;
        }
    }
}
