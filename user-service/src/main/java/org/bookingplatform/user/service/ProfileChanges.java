package org.bookingplatform.user.service;

import org.bookingplatform.user.EmailPreferences;

import java.util.Optional;

/**
 * The changes of a JSON merge patch, already checked: an empty Optional leaves the field as it is;
 * a {@link Replacement} with a null value removes an optional field.
 */
public record ProfileChanges(Optional<String> displayName, Optional<Replacement> phone, Optional<Replacement> locale,
                             Optional<PreferenceChanges> emailPreferences) {

    /** The new value of an optional field; null removes it. */
    public record Replacement(String value) {
    }

    /** The switches the patch names; null keeps a switch as it is. */
    public record PreferenceChanges(Boolean holdCreated, Boolean paymentDeclined, Boolean confirmed, Boolean expired,
                                    Boolean cancelled, Boolean refunded) {

        EmailPreferences applyTo(EmailPreferences current) {
            return new EmailPreferences(
                    holdCreated == null ? current.holdCreated() : holdCreated,
                    paymentDeclined == null ? current.paymentDeclined() : paymentDeclined,
                    confirmed == null ? current.confirmed() : confirmed,
                    expired == null ? current.expired() : expired,
                    cancelled == null ? current.cancelled() : cancelled,
                    refunded == null ? current.refunded() : refunded);
        }
    }
}
