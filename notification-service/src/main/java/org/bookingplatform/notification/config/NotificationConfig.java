package org.bookingplatform.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Email email();

    Stream stream();

    interface Email {

        /** How often the dispatcher looks for due e-mails (read by its @Scheduled expression). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows the dispatcher claims per run. */
        @WithDefault("20")
        int batchSize();

        /**
         * How long a claimed e-mail may stay unconfirmed before another run sends it again (with the
         * same Message-ID): longer than one SMTP exchange, so only a dispatcher that died is overtaken.
         */
        @WithDefault("2m")
        Duration lease();

        /** Wait after the first failed attempt; doubled after each next one up to {@link #maxBackoff()}. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** An e-mail not sent this long after its event is given up (status FAILED, logged as an error). */
        @WithDefault("3d")
        Duration giveUpAfter();

        /** The domain part of every Message-ID. */
        @WithDefault("notification.booking-platform")
        String messageIdDomain();
    }

    interface Stream {

        /** A comment line sent this often keeps proxies from closing an idle stream. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Notifications read per query when a stream catches up. */
        @WithDefault("100")
        int batchSize();
    }
}
