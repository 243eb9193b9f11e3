package org.bookingplatform.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
/** The services' documents are scripted in {@link Backends}: the document may be gathered before this class runs. */
class OpenApiAggregationTest {

    @Test
    void theServicesDocumentsAreMergedUnderTheApiPrefixAndAMissingServiceIsNamed() {
        given().when().get("/api/v1/openapi.json")
                .then().statusCode(200)
                .contentType("application/json")
                .body("paths.'/api/v1/bookings/{id}'.get", notNullValue())
                .body("paths.'/api/v1/users'.post", notNullValue())
                .body("paths.'/api/v1/payments'.get", notNullValue())
                .body("paths.'/api/v1/internal/replay'", nullValue())
                .body("paths.'/bookings/{id}'", nullValue())
                .body("components.schemas.Money.type", equalTo("object"))
                .body("components.schemas.'user-service.Money'.type", equalTo("string"))
                .body("paths.'/api/v1/users'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/user-service.Money"))
                .body("tags.name", hasItem("Bookings"))
                .body("x-missing-services", hasItem("notification-service"))
                .body("x-missing-services", not(hasItem("booking-service")));
    }

    @Test
    void publicOperationsSayTheyNeedNoTokenAndTheOthersNameTheBearerToken() {
        given().when().get("/api/v1/openapi.json")
                .then().statusCode(200)
                .body("paths.'/api/v1/listings'.get.security", empty())
                .body("paths.'/api/v1/users'.post.security", empty())
                .body("paths.'/api/v1/openapi.json'.get.security", empty())
                .body("paths.'/api/v1/bookings/{id}'.get.security[0]", hasKey("bearer"))
                .body("paths.'/api/v1/payments'.get.security[0]", hasKey("bearer"))
                // The gateway's own endpoint keeps the requirement its own document states.
                .body("paths.'/api/v1/me/bookings/{id}/overview'.get.security", not(empty()))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void theGatewaysOwnEndpointsAreInTheDocument() {
        given().when().get("/api/v1/openapi.json")
                .then().statusCode(200)
                .body("paths.'/api/v1/me/bookings/{id}/overview'.get.summary", notNullValue())
                .body("paths.'/api/v1/openapi.json'.get", notNullValue())
                .body("paths.keySet()", everyItem(startsWith("/api/v1/")));
    }

    @Test
    void everyOperationHasAnOperationIdUniqueInTheDocument() {
        List<String> ids = given().when().get("/api/v1/openapi.json")
                .then().statusCode(200)
                .extract().jsonPath().getList("paths.collect { it.value.collect { it.value.operationId } }.flatten()", String.class);
        assertThat(ids, everyItem(notNullValue()));
        assertThat(ids, hasSize((int) ids.stream().distinct().count()));
        // booking-service and payment-service both call theirs "get": the second is named by its path,
        // as is user-service's operation that has no id.
        assertThat(ids, hasItem("get"));
        assertThat(ids, hasItem("getPayments"));
        assertThat(ids, hasItem("postUsers"));
    }

    @Test
    void theDocumentIsCachedInsteadOfGatheredOnEveryRequest() {
        given().when().get("/api/v1/openapi.json").then().statusCode(200);
        int gathered = Backends.BOOKING.requests("/q/openapi").size();

        given().when().get("/api/v1/openapi.json").then().statusCode(200);
        given().when().get("/api/v1/openapi.json").then().statusCode(200);

        assertThat(Backends.BOOKING.requests("/q/openapi"), hasSize(gathered));
    }

    @Test
    void swaggerUiOffersTheCombinedDocument() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/swagger-ui/index.html").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/api/v1/openapi.json"));
    }
}
