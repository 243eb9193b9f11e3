package org.bookingplatform.user.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.user.config.UserConfig;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages a profile may choose, as configured (users.supported-locales). */
@ApplicationScoped
public class SupportedLocales {

    private final List<String> tags;

    public SupportedLocales(UserConfig config) {
        this.tags = List.copyOf(config.supportedLocales());
    }

    /** The supported tag the value names, in its configured spelling (tags are case-insensitive). */
    public Optional<String> find(String tag) {
        return tags.stream().filter(supported -> supported.toLowerCase(Locale.ROOT).equals(tag.toLowerCase(Locale.ROOT))).findFirst();
    }

    public List<String> all() {
        return tags;
    }
}
