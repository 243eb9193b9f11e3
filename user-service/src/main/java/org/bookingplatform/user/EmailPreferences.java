package org.bookingplatform.user;

/** Which notifications a person wants by e-mail, one switch per kind of booking news. */
public record EmailPreferences(boolean holdCreated, boolean paymentDeclined, boolean confirmed, boolean expired,
                               boolean cancelled, boolean refunded) {

    public static final EmailPreferences ALL = new EmailPreferences(true, true, true, true, true, true);

    /** Whether any e-mail is wanted at all. */
    public boolean any() {
        return holdCreated || paymentDeclined || confirmed || expired || cancelled || refunded;
    }
}
