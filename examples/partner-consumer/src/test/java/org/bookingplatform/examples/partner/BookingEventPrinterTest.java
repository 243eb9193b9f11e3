package org.bookingplatform.examples.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BookingEventPrinterTest {

    private static final String BOOKING = "8f14e45f-ceea-4b67-9a3c-2f1d0c5e7a91";
    private static final String PAYMENT = "a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d";

    private final BookingEventPrinter printer = new BookingEventPrinter();

    @Test
    void aRequestedBookingShowsWhatIsHeldForHowMuchAndUntilWhen() {
        String line = format("booking.requested", """
                {"bookingId":"%s","listingId":"1c9a7e2b-5d4f-4a8e-b3c6-7d2e9f0a1b34","start":"2026-06-12T14:00:00Z",
                 "end":"2026-06-12T16:00:00Z","quantity":2,"amount":12000,"currency":"EUR","holdExpiresAt":"2026-05-04T09:30:00Z"}""");

        assertEquals("2026-05-04T09:15:00Z booking.requested " + BOOKING + " status=PENDING_PAYMENT"
                + " listing=1c9a7e2b-5d4f-4a8e-b3c6-7d2e9f0a1b34 period=2026-06-12T14:00:00Z/2026-06-12T16:00:00Z"
                + " quantity=2 amount=120.00 EUR holdExpiresAt=2026-05-04T09:30:00Z", line);
    }

    @Test
    void aConfirmedBookingShowsItsPayment() {
        assertEquals("2026-05-04T09:15:00Z booking.confirmed " + BOOKING + " status=CONFIRMED payment=" + PAYMENT,
                format("booking.confirmed", "{\"bookingId\":\"%s\",\"paymentId\":\"" + PAYMENT + "\"}"));
    }

    @Test
    void anExpiredBookingShowsItsStatus() {
        assertEquals("2026-05-04T09:15:00Z booking.expired " + BOOKING + " status=EXPIRED",
                format("booking.expired", "{\"bookingId\":\"%s\"}"));
    }

    @Test
    void aCancelledBookingShowsWhoCancelledAndFromWhichStatus() {
        assertEquals("2026-05-04T09:15:00Z booking.cancelled " + BOOKING
                        + " status=CANCELLED cancelledBy=OPERATOR previousStatus=CONFIRMED",
                format("booking.cancelled", "{\"bookingId\":\"%s\",\"cancelledBy\":\"OPERATOR\",\"previousStatus\":\"CONFIRMED\"}"));
    }

    @Test
    void aRejectedPaymentShowsWhyAndKeepsTheBookingStatus() {
        assertEquals("2026-05-04T09:15:00Z booking.payment-rejected " + BOOKING + " payment=" + PAYMENT
                        + " reason=BOOKING_EXPIRED (the payment is refunded)",
                format("booking.payment-rejected", "{\"bookingId\":\"%s\",\"paymentId\":\"" + PAYMENT + "\",\"reason\":\"BOOKING_EXPIRED\"}"));
    }

    @Test
    void anUnknownTypeIsPrintedWithoutDetailsInsteadOfFailing() {
        assertEquals("2026-05-04T09:15:00Z booking.rescheduled " + BOOKING + " (a type this consumer does not know; skipped)",
                format("booking.rescheduled", "{\"bookingId\":\"%s\",\"newStart\":\"2026-06-13T14:00:00Z\"}"));
    }

    @Test
    void amountsAreMinorUnitsOfTheirCurrency() {
        String yen = format("booking.requested", "{\"bookingId\":\"%s\",\"amount\":12000,\"currency\":\"JPY\"}");
        String unknown = format("booking.requested", "{\"bookingId\":\"%s\",\"amount\":12000,\"currency\":\"QQQ\"}");

        assertEquals(" amount=12000 JPY", yen.substring(yen.indexOf(" amount="), yen.indexOf(" holdExpiresAt=")));
        assertEquals(" amount=12000 minor units of QQQ", unknown.substring(unknown.indexOf(" amount="), unknown.indexOf(" holdExpiresAt=")));
    }

    private String format(String type, String dataTemplate) {
        try {
            return printer.format(new BookingEvent("event-1", "org.bookingplatform." + type, "2026-05-04T09:15:00Z",
                    "urn:bookingplatform:schema:" + type + ":v1", BOOKING,
                    new ObjectMapper().readTree(dataTemplate.formatted(BOOKING))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
