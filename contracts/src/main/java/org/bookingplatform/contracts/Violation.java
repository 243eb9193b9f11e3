package org.bookingplatform.contracts;

/**
 * One way in which an event record breaks the contract.
 *
 * @param location what is wrong: a header name ({@code ce_time}), {@code key}, {@code value},
 *                 or a JSON pointer into the data ({@code data/bookingId}; {@code data} for the whole object)
 * @param message  what is wrong with it
 */
public record Violation(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
