package org.bookingplatform.user.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.user.service.ProfileChanges;
import org.bookingplatform.user.service.ProfileChanges.PreferenceChanges;
import org.bookingplatform.user.service.ProfileChanges.Replacement;
import org.bookingplatform.user.service.SupportedLocales;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a JSON merge patch (RFC 7396) of a profile: a member that is absent stays as it is, null
 * removes an optional field, and {@code emailPreferences} is merged switch by switch. Every
 * problem of the patch is named at once, and nothing is changed unless all of it is valid.
 */
final class ProfilePatch {

    static final String MEDIA_TYPE = "application/merge-patch+json";

    private static final Set<String> PREFERENCES = Set.of("holdCreated", "paymentDeclined", "confirmed", "expired", "cancelled", "refunded");
    private static final Set<String> FIELDS = Set.of("displayName", "phone", "locale", "emailPreferences");
    private static final Pattern PRINTABLE = Pattern.compile(Fields.PRINTABLE);
    private static final Pattern E164 = Pattern.compile(Fields.E164);

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final SupportedLocales locales;

    private ProfilePatch(SupportedLocales locales) {
        this.locales = locales;
    }

    static ProfileChanges parse(ObjectMapper json, String body, SupportedLocales locales) {
        JsonNode patch;
        try {
            patch = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", "is not valid JSON");
        }
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("body", "must be a JSON object (a merge patch of the profile)");
        }
        return new ProfilePatch(locales).read(patch);
    }

    private ProfileChanges read(JsonNode patch) {
        patch.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(name, "is not a field of the profile that can be changed"));
            }
        });
        ProfileChanges changes = new ProfileChanges(displayName(patch), phone(patch), locale(patch), preferences(patch));
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(new Problem("about:blank", "Bad Request", 400, detail, List.copyOf(errors)), null);
        }
        return changes;
    }

    private Optional<String> displayName(JsonNode patch) {
        if (!patch.has("displayName")) {
            return Optional.empty();
        }
        JsonNode value = patch.get("displayName");
        if (!value.isTextual() || value.asText().isBlank()) {
            return invalid("displayName", "must be a non-blank string (it cannot be removed)");
        }
        String name = value.asText().strip();
        if (name.length() > Fields.DISPLAY_NAME_MAX) {
            return invalid("displayName", "must be at most " + Fields.DISPLAY_NAME_MAX + " characters");
        }
        if (!PRINTABLE.matcher(name).matches()) {
            return invalid("displayName", "must not contain control characters");
        }
        return Optional.of(name);
    }

    private Optional<Replacement> phone(JsonNode patch) {
        if (!patch.has("phone")) {
            return Optional.empty();
        }
        JsonNode value = patch.get("phone");
        if (value.isNull()) {
            return Optional.of(new Replacement(null));
        }
        if (!value.isTextual() || !E164.matcher(value.asText()).matches()) {
            return invalid("phone", Fields.E164_MESSAGE + ", or null to remove it");
        }
        return Optional.of(new Replacement(value.asText()));
    }

    private Optional<Replacement> locale(JsonNode patch) {
        if (!patch.has("locale")) {
            return Optional.empty();
        }
        JsonNode value = patch.get("locale");
        if (value.isNull()) {
            return Optional.of(new Replacement(null));
        }
        Optional<String> supported = value.isTextual() ? locales.find(value.asText()) : Optional.empty();
        if (supported.isEmpty()) {
            return invalid("locale", "must be one of " + String.join(", ", locales.all()) + ", or null to remove it");
        }
        return Optional.of(new Replacement(supported.get()));
    }

    private Optional<PreferenceChanges> preferences(JsonNode patch) {
        if (!patch.has("emailPreferences")) {
            return Optional.empty();
        }
        JsonNode value = patch.get("emailPreferences");
        if (!value.isObject()) {
            return invalid("emailPreferences", "must be an object of on/off switches: " + String.join(", ", PREFERENCES));
        }
        Map<String, Boolean> switches = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "emailPreferences." + entry.getKey();
            if (!PREFERENCES.contains(entry.getKey())) {
                errors.add(new Problem.FieldError(field, "is not a kind of notification"));
            } else if (!entry.getValue().isBoolean()) {
                errors.add(new Problem.FieldError(field, "must be true or false"));
            } else {
                switches.put(entry.getKey(), entry.getValue().booleanValue());
            }
        }
        return Optional.of(new PreferenceChanges(switches.get("holdCreated"), switches.get("paymentDeclined"),
                switches.get("confirmed"), switches.get("expired"), switches.get("cancelled"), switches.get("refunded")));
    }

    private <T> Optional<T> invalid(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return Optional.empty();
    }
}
