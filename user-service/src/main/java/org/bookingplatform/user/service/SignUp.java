package org.bookingplatform.user.service;

/** A person creating an account; the values are already checked (rest/ validates the request). */
public record SignUp(String email, String password, String displayName, String locale, String phone) {

    /** What makes two sign-up requests the same request for an Idempotency-Key: everything but the password. */
    Fingerprint fingerprint() {
        return new Fingerprint(email, displayName, locale, phone);
    }

    record Fingerprint(String email, String displayName, String locale, String phone) {
    }

    @Override
    public String toString() {
        return "SignUp[email=" + email + "]";
    }
}
