package org.bookingplatform.user.rest;

/** The rules profile fields follow, wherever they arrive (sign-up, merge patch). */
final class Fields {

    static final int EMAIL_MAX = 254;
    static final int PASSWORD_MAX = 128;
    static final int DISPLAY_NAME_MAX = 100;
    /** Something, an @, something with a dot: what @Email lets through without a domain is refused too. */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String PRINTABLE = "[^\\p{Cntrl}]*";
    static final String E164 = "\\+[1-9][0-9]{6,14}";
    static final String E164_MESSAGE = "must be an E.164 phone number, e.g. +351912345678";

    private Fields() {
    }
}
