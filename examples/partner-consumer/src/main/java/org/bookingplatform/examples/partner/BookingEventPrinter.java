package org.bookingplatform.examples.partner;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Turns one booking event into one line: time, type, booking id, then what changed for the booking.
 * Types this consumer does not know (the platform may add some) are printed without details, not
 * treated as errors, and so are enum values it does not know.
 */
public final class BookingEventPrinter {

    public String format(BookingEvent event) {
        return event.time() + " " + event.shortType() + " " + event.bookingId() + details(event.shortType(), event.data());
    }

    private static String details(String type, JsonNode data) {
        return switch (type) {
            case "booking.requested" -> " status=PENDING_PAYMENT"
                    + " listing=" + data.path("listingId").asText()
                    + " period=" + data.path("start").asText() + "/" + data.path("end").asText()
                    + " quantity=" + data.path("quantity").asInt()
                    + " amount=" + money(data.path("amount").asLong(), data.path("currency").asText())
                    + " holdExpiresAt=" + data.path("holdExpiresAt").asText();
            case "booking.confirmed" -> " status=CONFIRMED payment=" + data.path("paymentId").asText();
            case "booking.expired" -> " status=EXPIRED";
            case "booking.cancelled" -> " status=CANCELLED"
                    + " cancelledBy=" + data.path("cancelledBy").asText()
                    + " previousStatus=" + data.path("previousStatus").asText();
            case "booking.payment-rejected" -> " payment=" + data.path("paymentId").asText()
                    + " reason=" + data.path("reason").asText() + " (the payment is refunded)";
            default -> " (a type this consumer does not know; skipped)";
        };
    }

    // Amounts are integers in minor units; how many of them make a unit depends on the currency.
    private static String money(long minorUnits, String currencyCode) {
        try {
            int fractionDigits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
            return BigDecimal.valueOf(minorUnits, Math.max(fractionDigits, 0)).toPlainString() + " " + currencyCode;
        } catch (IllegalArgumentException unknownCurrency) {
            return minorUnits + " minor units of " + currencyCode;
        }
    }
}
