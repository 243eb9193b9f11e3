package org.bookingplatform.notification.email;

/** Whom a queued e-mail goes to, read from the contact replica when it is sent. */
public record Recipient(String email, String displayName, String locale, boolean emailNotifications) {
}
