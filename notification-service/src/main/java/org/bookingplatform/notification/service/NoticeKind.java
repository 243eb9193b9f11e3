package org.bookingplatform.notification.service;

import java.util.Arrays;
import java.util.Optional;

/** The events a customer hears of, and whether each one is also e-mailed. */
public enum NoticeKind {
    HOLD_CREATED("org.bookingplatform.booking.requested", "holdCreated", true),
    PAYMENT_DECLINED("org.bookingplatform.payment.declined", "paymentDeclined", true),
    BOOKING_CONFIRMED("org.bookingplatform.booking.confirmed", "bookingConfirmed", true),
    HOLD_EXPIRED("org.bookingplatform.booking.expired", "holdExpired", true),
    BOOKING_CANCELLED("org.bookingplatform.booking.cancelled", "bookingCancelled", true),
    REFUND_ISSUED("org.bookingplatform.payment.refunded", "refundIssued", true),
    /** In the app only: the refund that follows (payment.refunded) is what the e-mail tells. */
    PAYMENT_REJECTED("org.bookingplatform.booking.payment-rejected", "paymentRejected", false);

    private static final String TYPE_PREFIX = "org.bookingplatform.";

    private final String eventType;
    private final String template;
    private final boolean emailed;

    NoticeKind(String eventType, String template, boolean emailed) {
        this.eventType = eventType;
        this.template = template;
        this.emailed = emailed;
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
        return emailed;
    }
}
