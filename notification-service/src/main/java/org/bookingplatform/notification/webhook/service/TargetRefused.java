package org.bookingplatform.notification.webhook.service;

/** A webhook URL that may not be called; the message says why, in words fit for the partner. */
public class TargetRefused extends Exception {

    public TargetRefused(String message) {
        super(message, null, false, false);
    }
}
