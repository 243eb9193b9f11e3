package org.bookingplatform.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay and the inbox (the consumer side), under {@code platform.messaging}. */
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

        /** The wait before the second attempt at a record after a transient failure; it doubles with every attempt. */
        @WithDefault("100ms")
        Duration retryInitialDelay();

        /**
         * The longest wait between two attempts at one record: how late a consumer notices that
         * its database or broker is back.
         */
        @WithDefault("30s")
        Duration retryMaxDelay();

        /**
         * The longest one attempt (its transaction and effect) may take before it is given up as
         * a transient failure and attempted again. It stands in for the Kafka connector's
         * unprocessed-record age check, which the library turns off because an outage legitimately
         * holds a record for longer.
         */
        @WithDefault("60s")
        Duration attemptTimeout();
    }
}
