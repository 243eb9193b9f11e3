package org.bookingplatform.notification.service;

import java.util.Arrays;
import java.util.Optional;

/** The events a customer hears of, and the e-mail preference (user.events' emailPreferences key) of those also e-mailed. */
public enum NoticeKind {
    HOLD_CREATED("org.bookingplatform.booking.requested", "holdCreated", "holdCreated"),
    PAYMENT_DECLINED("org.bookingplatform.payment.declined", "paymentDeclined", "paymentDeclined"),
    BOOKING_CONFIRMED("org.bookingplatform.booking.confirmed", "bookingConfirmed", "confirmed"),
    HOLD_EXPIRED("org.bookingplatform.booking.expired", "holdExpired", "expired"),
    BOOKING_CANCELLED("org.bookingplatform.booking.cancelled", "bookingCancelled", "cancelled"),
    REFUND_ISSUED("org.bookingplatform.payment.refunded", "refundIssued", "refunded"),
    /** In the app only: the refund that follows (payment.refunded) is what the e-mail tells. */
    PAYMENT_REJECTED("org.bookingplatform.booking.payment-rejected", "paymentRejected", null);

    private static final String TYPE_PREFIX = "org.bookingplatform.";

    private final String eventType;
    private final String template;
    private final String preference;

    NoticeKind(String eventType, String template, String preference) {
        this.eventType = eventType;
        this.template = template;
        this.preference = preference;
    }

    public static Optional<NoticeKind> ofEventType(String type) {
        return Arrays.stream(values()).filter(kind -> kind.eventType.equals(type)).findFirst();
    }

    public static NoticeKind ofName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown notice kind " + name));
    }

    /** The in-app notification's kind: the event type without its prefix, e.g. booking.confirmed. */
    public String shortType() {
        return eventType.substring(TYPE_PREFIX.length());
    }

    /** The name of its e-mail templates (templates/email/&lt;name&gt;.html and .txt). */
    public String template() {
        return template;
    }

    public boolean emailed() {
        return preference != null;
    }

    /** Its switch in user.events' emailPreferences, e.g. confirmed; null when it is never e-mailed. */
    public String preference() {
        return preference;
    }
}
