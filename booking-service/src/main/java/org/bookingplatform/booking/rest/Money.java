package org.bookingplatform.booking.rest;

/** An amount in minor units (cents) of an ISO-4217 currency. */
public record Money(long amount, String currency) {
}
