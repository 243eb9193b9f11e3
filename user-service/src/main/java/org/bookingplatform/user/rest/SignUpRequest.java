package org.bookingplatform.user.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /users}. The password's length is bounded here only against abuse
 * (128, as Keycloak's maxLength rule); every other rule is the realm's password policy.
 */
public record SignUpRequest(
        @NotBlank @Size(max = Fields.EMAIL_MAX, message = "must be at most " + Fields.EMAIL_MAX + " characters")
        @Email(message = "must be an e-mail address") @Pattern(regexp = Fields.EMAIL, message = "must be an e-mail address")
        String email,
        @NotNull @Size(min = 1, max = Fields.PASSWORD_MAX, message = "must be 1 to " + Fields.PASSWORD_MAX + " characters")
        String password,
        @NotBlank @Size(max = Fields.DISPLAY_NAME_MAX, message = "must be at most " + Fields.DISPLAY_NAME_MAX + " characters")
        @Pattern(regexp = Fields.PRINTABLE, message = "must not contain control characters")
        String displayName,
        @Size(max = 35, message = "must be one of the supported languages") String locale,
        @Pattern(regexp = Fields.E164, message = Fields.E164_MESSAGE) String phone) {

    @Override
    public String toString() {
        return "SignUpRequest[email=" + email + "]";
    }
}
