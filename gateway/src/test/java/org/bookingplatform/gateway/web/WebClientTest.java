package org.bookingplatform.gateway.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestIdentityProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web client's files under /, their security headers, and that the API and /q/ keep theirs. */
@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class WebClientTest {

    private static final Path STATIC = Path.of("src/main/resources/META-INF/resources");

    private static String keycloakOrigin() {
        URI issuer = URI.create(TestIdentityProvider.issuer());
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    @Test
    void theRootServesThePageWithAPolicyThatAllowsOnlyTheGatewayAndKeycloak() {
        Response page = given().when().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<script type=\"module\" src=\"/js/app.js\"></script>"))
                .extract().response();
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self' " + keycloakOrigin() + "; frame-src 'self' " + keycloakOrigin() + "; "
                        + "form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
                page.header("Content-Security-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("SAMEORIGIN", page.header("X-Frame-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("same-origin", page.header("Cross-Origin-Opener-Policy"));
        assertThat(page.header("Permissions-Policy"), containsString("camera=()"));
        assertEquals("no-cache", page.header("Cache-Control"));
    }

    @Test
    void scriptsStylesAndTheSignInLibraryAreServedWithTheirTypesAndTheHeaders() {
        for (String path : List.of("/js/app.js", "/js/views/booking.js", "/vendor/keycloak-js/keycloak.js")) {
            given().when().get(path).then().statusCode(200)
                    .contentType(containsString("javascript"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().when().get("/css/app.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().when().get("/silent-check-sso.html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"));
    }

    @Test
    void theSignInSettingsNameTheRealmAndThePublicClient() {
        URI issuer = URI.create(TestIdentityProvider.issuer());
        String realm = issuer.getPath().substring(issuer.getPath().lastIndexOf('/') + 1);
        given().when().get("/web-config.json").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("url", equalTo(keycloakOrigin() + issuer.getPath().substring(0, issuer.getPath().indexOf("/realms/"))))
                .body("realm", equalTo(realm))
                .body("clientId", equalTo("booking-web"));
    }

    @Test
    void theApiAndQuarkusPathsGetNoneOfThePagesHeaders() {
        given().when().get("/api/v1/listings/any").then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("X-Frame-Options", nullValue());
        given().when().get("/api/v1/bookings/any").then().statusCode(401)
                .contentType("application/problem+json")
                .header("Content-Security-Policy", nullValue());
        // Swagger UI runs inline scripts: the page's policy would break it.
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void anUnknownFileIsA404WithTheHeadersAndNothingReachesAService() {
        given().when().get("/no-such-page.html").then().statusCode(404)
                .header("Content-Security-Policy", not(nullValue()));
        given().when().get("/api/v1").then().header("Content-Security-Policy", nullValue());
    }

    /** The policy allows no inline code: every page must load its scripts and styles from files. */
    @Test
    void noPageHasInlineScriptsStylesOrEventHandlers() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path html : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(html);
                assertFalse(inlineScript.matcher(text).find(), html + " has an inline script");
                assertFalse(inlineStyle.matcher(text).find(), html + " has an inline style or handler");
            }
        }
    }

    /** Every module the pages import, and every file the page links, is served. */
    @Test
    void everyImportedModuleAndLinkedFileExists() throws IOException {
        Pattern imports = Pattern.compile("from '([^']+)'|(?:src|href)=\"(/[^\"#]+)\"");
        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))
                    .filter(p -> !p.startsWith(STATIC.resolve("vendor"))).toList()) {
                Matcher m = imports.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1) != null ? m.group(1) : m.group(2);
                    Path resolved = target.startsWith("/") ? STATIC.resolve(target.substring(1)) : file.getParent().resolve(target).normalize();
                    assertTrue(Files.isRegularFile(resolved), file + " refers to " + target + ", which does not exist");
                }
            }
        }
    }
}
