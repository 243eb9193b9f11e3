package org.bookingplatform.booking.config;

import org.bookingplatform.testsupport.ProdProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** In the prod profile the database password has no default: a missing DB_PASSWORD stops the start, naming it. */
class ProdSecretsTest {

    @Test
    void databasePasswordHasNoDefaultInProd() {
        ProdProfile.assertNoDefault("quarkus.datasource.password", "DB_PASSWORD");
    }

    @Test
    void testsKeepTheLocalDefault() {
        assertEquals("booking_service", ProdProfile.valueIn("test", "quarkus.datasource.password"));
    }
}
