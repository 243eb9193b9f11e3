package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.bookingplatform.deploy.RealmImports.Environment;

class RealmImportsTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theCommittedRealmImportIsTheOneGeneratedFromTheLocalRealm(Environment environment) {
        assertEquals(RealmImports.render(Manifests.ROOT, environment), Manifests.read(environment.file(Manifests.ROOT)),
                "regenerate: mvn -q -pl deploy/k8s/tests compile exec:java");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void noPersonAndNoDemoClientIsImported(Environment environment) throws Exception {
        JsonNode realm = realm(environment);
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.path("username").asText().startsWith("service-account-"), user.toString());
            assertFalse(user.has("credentials"), user.toString());
        }
        assertFalse(realm.path("clients").toString().contains("partner-demo"));
        assertFalse(realm.toString().contains("__"), "a local placeholder is left");
        assertTrue(realm.path("clients").toString().contains("${WEB_APP_URL}/*"), "the web app's address is no redirect URI");
    }

    @Test
    void productionHasNoPasswordGrantAndNoLocalRedirectsOrOrigins() throws Exception {
        JsonNode realm = realm(Environment.PROD);
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), client.path("clientId").asText());
            client.path("redirectUris").forEach(uri -> assertFalse(RealmImports.isLocal(uri.asText()), uri.asText()));
            client.path("webOrigins").forEach(origin -> assertFalse(RealmImports.isLocal(origin.asText()), origin.asText()));
        }
        assertTrue(realm.path("clients").toString().contains("${WEB_APP_URL}/*"));
    }

    private static JsonNode realm(Environment environment) throws Exception {
        return Manifests.YAML.readTree(RealmImports.render(Manifests.ROOT, environment)).path("spec").path("realm");
    }
}
