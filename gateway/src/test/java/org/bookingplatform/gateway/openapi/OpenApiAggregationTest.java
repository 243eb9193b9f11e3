package org.bookingplatform.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
