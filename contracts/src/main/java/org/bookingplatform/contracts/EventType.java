package org.bookingplatform.contracts;

import java.util.Arrays;
import java.util.Optional;

/** Every event type of the platform, with the topic it travels on. */
public enum EventType {
    BOOKING_REQUESTED("booking.requested", Topic.BOOKING_EVENTS),
    BOOKING_CONFIRMED("booking.confirmed", Topic.BOOKING_EVENTS),
    BOOKING_EXPIRED("booking.expired", Topic.BOOKING_EVENTS),
    BOOKING_CANCELLED("booking.cancelled", Topic.BOOKING_EVENTS),
    BOOKING_PAYMENT_REJECTED("booking.payment-rejected", Topic.BOOKING_EVENTS),
    PAYMENT_AUTHORIZED("payment.authorized", Topic.PAYMENT_EVENTS),
    PAYMENT_DECLINED("payment.declined", Topic.PAYMENT_EVENTS),
    PAYMENT_REFUNDED("payment.refunded", Topic.PAYMENT_EVENTS),
    USER_REGISTERED("user.registered", Topic.USER_EVENTS),
    USER_UPDATED("user.updated", Topic.USER_EVENTS),
    USER_ERASED("user.erased", Topic.USER_EVENTS);

    private static final String CE_TYPE_PREFIX = "org.bookingplatform.";

    private final String typeName;
    private final Topic topic;

    EventType(String typeName, Topic topic) {
        this.typeName = typeName;
        this.topic = topic;
    }

    /** The short name used in schema ids and file names, e.g. {@code booking.requested}. */
    public String typeName() {
        return typeName;
    }

    /** The CloudEvents type, e.g. {@code org.bookingplatform.booking.requested}. */
    public String ceType() {
        return CE_TYPE_PREFIX + typeName;
    }

    public Topic topic() {
        return topic;
    }

    /** The {@code ce_dataschema} of this type's data in the given major version. */
    public String dataschema(int major) {
        return new DataSchemaId(typeName, major).urn();
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType().equals(ceType)).findFirst();
    }
}
