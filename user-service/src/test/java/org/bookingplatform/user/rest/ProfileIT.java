package org.bookingplatform.user.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class ProfileIT {

    private static final TestDatabase DB = TestDatabase.of("user_service");

    @Test
    void firstVisitCreatesTheProfileFromTheTokenOnce() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.customer(user);

        given().auth().oauth2(token).when().get("/users/me")
                .then().statusCode(200)
                .body("id", equalTo(user.toString()))
                .body("email", equalTo("user-" + user + "@example.com"))
                .body("emailNotifications", equalTo(true));
        given().auth().oauth2(token).when().get("/users/me").then().statusCode(200);

        assertEquals(1, DB.count("SELECT count(*) FROM user_profile WHERE id = ?", user));
    }

    @Test
    void firstVisitPublishesOneValidUserRegisteredEvent() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.customer(user);
        given().auth().oauth2(token).when().get("/users/me").then().statusCode(200);
        given().auth().oauth2(token).when().get("/users/me").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = KafkaTestClient.collect("user.events", KafkaTestClient.withKey(user), Duration.ofSeconds(8));

        assertEquals(1, events.size(), "one user.registered for one person");
        EventContracts.assertValid(events.get(0));
        assertEquals("org.bookingplatform.user.registered", KafkaTestClient.header(events.get(0), "ce_type"));
    }

    @Test
    void expiredTokenIsRejectedWithProblemJson() {
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID()))
                .when().get("/users/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }
}
