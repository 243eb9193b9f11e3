package org.bookingplatform.notification.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeTextsTest {

    @Test
    void offeredLanguagesKeepTheirRegionAndOthersFallBackToEnglish() {
        assertEquals(Locale.forLanguageTag("de-CH"), NoticeTexts.localeFor("de-CH"));
        assertEquals(Locale.forLanguageTag("en-GB"), NoticeTexts.localeFor("en-GB"));
        assertEquals(Locale.ENGLISH, NoticeTexts.localeFor("pt-BR"));
        assertEquals(Locale.ENGLISH, NoticeTexts.localeFor(null));
        assertEquals(Locale.ENGLISH, NoticeTexts.localeFor(" "));
    }

    @Test
    void minorUnitsAreShownWithTheCurrencysOwnDecimalsAsTheLocaleWritesThem() {
        assertEquals("€120.00", NoticeTexts.money(12000, "EUR", Locale.ENGLISH));
        assertEquals("120,00\u00a0€", NoticeTexts.money(12000, "EUR", Locale.GERMANY));
        assertTrue(NoticeTexts.money(12000, "JPY", Locale.ENGLISH).endsWith("12,000"), "yen have no minor unit");
        assertEquals("1500 XYZ", NoticeTexts.money(1500, "XYZ", Locale.ENGLISH), "an unknown currency is shown as given");
    }

    @Test
    void timesAreShownInTheNamedZone() {
        Instant instant = Instant.parse("2026-05-04T09:30:00Z");
        String lisbon = NoticeTexts.time(instant, ZoneId.of("Europe/Lisbon"), Locale.ENGLISH);
        assertTrue(lisbon.contains("10:30") && lisbon.endsWith("(Europe/Lisbon)"), lisbon);
        String utc = NoticeTexts.time(instant, ZoneId.of("UTC"), Locale.GERMAN);
        assertTrue(utc.contains("09:30") && utc.contains("Mai") && utc.endsWith("(UTC)"), utc);
    }
}
