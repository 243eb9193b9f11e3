package org.bookingplatform.notification.email;

/**
 * Whom a queued e-mail goes to, read from the contact replica when it is sent; {@code wantsEmail}
 * is the user's preference for the e-mail's kind.
 */
public record Recipient(String email, String displayName, String locale, boolean wantsEmail) {
}
