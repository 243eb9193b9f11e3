package org.bookingplatform.platform.messaging.testapp;

/** Data of the events the test consumer receives; {@code failingAttempts} makes its first attempts fail. */
public record Note(String text, int failingAttempts) {
}
