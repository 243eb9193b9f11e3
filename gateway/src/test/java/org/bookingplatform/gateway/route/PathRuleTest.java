package org.bookingplatform.gateway.route;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathRuleTest {

    @Test
    void aSubtreeRuleCoversThePathAndEverythingBelowButNotASiblingPrefix() {
        PathRule listings = PathRule.parse("GET /api/v1/listings/**");
        assertTrue(listings.matches(HttpMethod.GET, "/api/v1/listings"));
        assertTrue(listings.matches(HttpMethod.GET, "/api/v1/listings/42/availability"));
        assertFalse(listings.matches(HttpMethod.GET, "/api/v1/listingsadmin"));
        assertFalse(listings.matches(HttpMethod.POST, "/api/v1/listings"));
    }

    @Test
    void aGetRuleAlsoCoversHead() {
        assertTrue(PathRule.parse("GET /a/**").matches(HttpMethod.HEAD, "/a/b"));
        assertFalse(PathRule.parse("POST /a").matches(HttpMethod.HEAD, "/a"));
    }

    @Test
    void anExactRuleCoversOnlyThatPath() {
        PathRule signUp = PathRule.parse("POST /api/v1/users");
        assertTrue(signUp.matches(HttpMethod.POST, "/api/v1/users"));
        assertFalse(signUp.matches(HttpMethod.POST, "/api/v1/users/me"));
    }

    @Test
    void aRuleWithoutMethodCoversEveryMethod() {
        assertTrue(PathRule.parse("/q/health/**").matches(HttpMethod.DELETE, "/q/health/live"));
    }

    @Test
    void aMalformedRuleIsRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> PathRule.parse("GET api/v1"));
        assertThrows(IllegalArgumentException.class, () -> PathRule.parse("GET /a /b"));
    }
}
