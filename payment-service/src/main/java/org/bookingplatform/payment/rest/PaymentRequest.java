package org.bookingplatform.payment.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/**
 * The body of {@code POST /payments}. There is no amount: it comes from the booking, and a body
 * with any other field (an {@code amount}, say) is refused with a 400.
 */
public record PaymentRequest(
        @NotNull UUID bookingId,
        @NotNull @Pattern(regexp = "pm_[a-z0-9_]{1,64}", message = "must be a payment method id such as pm_card_visa")
        String paymentMethod) {
}
