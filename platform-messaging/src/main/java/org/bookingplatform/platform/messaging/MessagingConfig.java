package org.bookingplatform.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay and the inbox, under {@code platform.messaging}. */
@ConfigMapping(prefix = "platform.messaging")
public interface MessagingConfig {

    OutboxSettings outbox();

    InboxSettings inbox();

    interface OutboxSettings {

        /**
         * How often the relay looks for committed events (read by its {@code @Scheduled}): about the
         * longest an event waits in the outbox while Kafka is up, as every run drains the outbox.
         * Quarkus' scheduler checks its triggers once a second, so shorter intervals are not
         * honoured. {@code off} disables the relay (a service that only consumes).
         */
        @WithDefault("1s")
        String relayInterval();

        /** The most events one relay transaction publishes; a full batch is followed at once by the next. */
        @WithDefault("100")
        int batchSize();

        /**
         * How long the relay waits for the broker to acknowledge one event before it rolls the
         * batch back. A safety net: the channel's delivery timeout normally fails a send sooner.
         */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface InboxSettings {

        /**
         * How long a consumer remembers the events it processed. A redelivery older than this would
         * be applied again, so keep it well above the longest outage a consumer may catch up from.
         */
        @WithDefault("7d")
        Duration retention();

        /** How often expired processed-event rows are deleted (read by {@code @Scheduled}); {@code off} disables it. */
        @WithDefault("1h")
        String purgeInterval();
    }
}
