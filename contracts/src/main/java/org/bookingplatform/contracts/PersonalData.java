package org.bookingplatform.contracts;

import java.util.regex.Pattern;

/**
 * Recognises field names that would carry personal data. Partners read booking.events, so its
 * events refer to people by id only; names, contact details and payment details stay in the
 * services that own them.
 */
final class PersonalData {

    private static final Pattern PERSONAL_FIELD =
            Pattern.compile("(?i).*(name|e-?mail|phone|address|card|iban|paymentmethod|birth).*");

    private PersonalData() {
    }

    static boolean looksPersonal(String fieldName) {
        return PERSONAL_FIELD.matcher(fieldName).matches();
    }
}
