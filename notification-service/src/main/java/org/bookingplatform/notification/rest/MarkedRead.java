package org.bookingplatform.notification.rest;

/** The answer of read-all: how many notifications it marked. */
public record MarkedRead(int marked) {
}
