package org.bookingplatform.contracts;

/**
 * A difference between a released schema and its current version that would break a consumer
 * written against the release, or the replay of events published under it.
 *
 * @param field  the dotted path of the property, e.g. {@code amount} or {@code address.city}
 * @param kind   the rule that it breaks
 * @param detail what changed, for people
 */
record BreakingChange(String field, Kind kind, String detail) {

    enum Kind {
        REQUIRED_FIELD_ADDED,
        FIELD_REMOVED,
        FIELD_NO_LONGER_REQUIRED,
        TYPE_CHANGED,
        FORMAT_CHANGED,
        ENUM_VALUE_REMOVED
    }

    @Override
    public String toString() {
        return field + ": " + detail + " (" + kind + ")";
    }
}
