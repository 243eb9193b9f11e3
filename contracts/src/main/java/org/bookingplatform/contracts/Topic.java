package org.bookingplatform.contracts;

/** The Kafka topics of the platform. Every record is keyed by the id of the aggregate it is about. */
public enum Topic {
    BOOKING_EVENTS("booking.events", "/booking-service", "bookingId", true),
    PAYMENT_EVENTS("payment.events", "/payment-service", "paymentId", false),
    USER_EVENTS("user.events", "/user-service", "userId", false);

    private final String topicName;
    private final String source;
    private final String aggregateIdField;
    private final boolean partnerFacing;

    Topic(String topicName, String source, String aggregateIdField, boolean partnerFacing) {
        this.topicName = topicName;
        this.source = source;
        this.aggregateIdField = aggregateIdField;
        this.partnerFacing = partnerFacing;
    }

    /** The Kafka topic name, e.g. {@code booking.events}. */
    public String topicName() {
        return topicName;
    }

    /** The {@code ce_source} of every event on this topic: the one service that publishes it. */
    public String source() {
        return source;
    }

    /** The data field holding the aggregate id, which is also the record key and {@code ce_subject}. */
    public String aggregateIdField() {
        return aggregateIdField;
    }

    /** Partners read this topic, so its events must carry no personal data beyond ids. */
    public boolean partnerFacing() {
        return partnerFacing;
    }
}
