package org.bookingplatform.notification.service;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A notice in words, in the reader's language (English when theirs is not offered), with locale-formatted amounts and times. */
@ApplicationScoped
public class NoticeTexts {

    /** Languages with a message file; the first is the fallback. */
    static final Set<String> LANGUAGES = Set.of("en", "de");

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The locale a notice is written in: the user's own when its language is offered, else English. */
    public static Locale localeFor(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Locale.ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(languageTag);
        return LANGUAGES.contains(locale.getLanguage()) ? locale : Locale.ENGLISH;
    }

    public NoticeMessages messages(Locale locale) {
        return MessageBundles.get(NoticeMessages.class, Localized.Literal.of(locale.getLanguage()));
    }

    public String title(NoticeKind kind, Locale locale) {
        NoticeMessages msg = messages(locale);
        return switch (kind) {
            case HOLD_CREATED -> msg.holdCreatedTitle();
            case PAYMENT_DECLINED -> msg.paymentDeclinedTitle();
            case BOOKING_CONFIRMED -> msg.bookingConfirmedTitle();
            case HOLD_EXPIRED -> msg.holdExpiredTitle();
            case BOOKING_CANCELLED -> msg.bookingCancelledTitle();
            case REFUND_ISSUED -> msg.refundIssuedTitle();
            case PAYMENT_REJECTED -> msg.paymentRejectedTitle();
        };
    }

    /** The one-paragraph text of the in-app notification. */
    public String summary(NoticeKind kind, NoticeFacts facts, Locale locale) {
        NoticeMessages msg = messages(locale);
        Map<String, Object> values = values(facts, locale);
        return switch (kind) {
            case HOLD_CREATED -> msg.holdCreatedBody((String) values.get("amount"), (String) values.get("expiresAt"));
            case PAYMENT_DECLINED -> msg.paymentDeclinedBody((String) values.get("reason")) + " " + msg.paymentDeclinedRetry();
            case BOOKING_CONFIRMED -> msg.bookingConfirmedBody();
            case HOLD_EXPIRED -> msg.holdExpiredBody();
            case BOOKING_CANCELLED -> "CONFIRMED".equals(facts.previousStatus())
                    ? msg.bookingCancelledBody() + " " + msg.bookingCancelledRefund() : msg.bookingCancelledBody();
            case REFUND_ISSUED -> msg.refundIssuedBody((String) values.get("amount"));
            case PAYMENT_REJECTED -> msg.paymentRejectedBody();
        };
    }

    /**
     * The facts formatted for {@code locale}, as template data: amount, start, end, expiresAt,
     * reason (the decline reason), refundReason, refundFollows, bookingId.
     */
    public Map<String, Object> values(NoticeFacts facts, Locale locale) {
        NoticeMessages msg = messages(locale);
        ZoneId zone = zone(facts.timeZone());
        Map<String, Object> values = new HashMap<>();
        UUID booking = facts.bookingId();
        values.put("bookingId", booking == null ? "" : booking.toString());
        values.put("amount", facts.amount() == null ? "" : money(facts.amount(), facts.currency(), locale));
        values.put("start", time(facts.start(), zone, locale));
        values.put("end", time(facts.end(), zone, locale));
        values.put("expiresAt", time(facts.holdExpiresAt(), zone, locale));
        values.put("reason", declineReason(facts.reason(), msg));
        values.put("refundReason", refundReason(facts.reason(), msg));
        values.put("refundFollows", "CONFIRMED".equals(facts.previousStatus()));
        return values;
    }

    /** An amount in minor units shown in its currency as the locale writes it, e.g. €120.00 or 120,00 €. */
    static String money(long minorUnits, String currencyCode, Locale locale) {
        java.util.Currency currency;
        try {
            currency = java.util.Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException | NullPointerException unknownCurrency) {
            return minorUnits + " " + currencyCode;
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minorUnits, digits));
    }

    /** A time in the listing's zone, named after it so that nobody reads it as their own local time. */
    static String time(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale);
        return format.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null) {
            return UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException notAZone) {
            return UTC;
        }
    }

    private static String declineReason(String reason, NoticeMessages msg) {
        if (reason == null) {
            return msg.reasonOther();
        }
        return switch (reason) {
            case "INSUFFICIENT_FUNDS" -> msg.reasonInsufficientFunds();
            case "CARD_EXPIRED" -> msg.reasonCardExpired();
            case "CARD_DECLINED" -> msg.reasonCardDeclined();
            case "PROVIDER_ERROR" -> msg.reasonProviderError();
            default -> msg.reasonOther();
        };
    }

    private static String refundReason(String reason, NoticeMessages msg) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case "BOOKING_CANCELLED" -> msg.refundBecauseCancelled();
            case "BOOKING_PAYMENT_REJECTED" -> msg.refundBecauseLate();
            case "OPERATOR_REQUEST" -> msg.refundByOperator();
            default -> "";
        };
    }
}
