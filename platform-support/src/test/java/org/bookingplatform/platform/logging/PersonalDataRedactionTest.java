package org.bookingplatform.platform.logging;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataRedactionTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";

    @Test
    void anSmtpRefusalLosesItsRecipient() {
        assertEquals("550 5.1.1 <<e-mail>>: Recipient address rejected",
                PersonalDataRedaction.redact("550 5.1.1 <alice.smith+trips@mail.example.co.uk>: Recipient address rejected"));
    }

    @Test
    void tokensSecretsAndCardNumbersAreMasked() {
        assertEquals("Authorization: Bearer <token>", PersonalDataRedaction.redact("Authorization: Bearer " + JWT));
        assertEquals("token <token> refused", PersonalDataRedaction.redact("token " + JWT + " refused"));
        assertEquals("client_secret=<redacted>&grant_type=client_credentials",
                PersonalDataRedaction.redact("client_secret=s3cr3t-value&grant_type=client_credentials"));
        assertEquals("{\"password\":\"<redacted>\"}", PersonalDataRedaction.redact("{\"password\":\"hunter2hunter2\"}"));
        assertEquals("card <card> and <card>", PersonalDataRedaction.redact("card 4242 4242 4242 4242 and 4000-0566-5566-5556"));
    }

    @Test
    void idsAndOrdinaryNumbersStay() {
        String line = "payment 7d6f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b of booking 12345678-1234-1234-1234-123456789012: 12000 EUR at 1733520000000";
        assertEquals(line, PersonalDataRedaction.redact(line));
        assertEquals("card 4242 4242 4242 4241", PersonalDataRedaction.redact("card 4242 4242 4242 4241"), "fails the Luhn check");
    }

    @Test
    void theFilterRewritesTheFormattedMessageAndKeepsTheRecord() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "E-mail to %s failed: %s", ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setParameters(new Object[] {"bob@example.com", "550 no such user"});

        assertTrue(new PersonalDataRedaction().isLoggable(record));
        assertEquals("E-mail to <e-mail> failed: 550 no such user", record.getFormattedMessage());
        assertFalse(record.getFormattedMessage().contains("bob"));
    }
}
