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
         * How often the relay looks for committed events without being woken (read by its
         * {@code @Scheduled}). Every commit that writes an outbox row wakes the relays at once
         * ({@link #wakeOnCommit()}), so this poll is only the safety net: it publishes what a
         * missed wake-up left behind, retries after a broker outage and refreshes the parked-events
         * gauge. It bounds how long an event can wait when a wake-up was lost, so it stays seconds,
         * not minutes. {@code off} disables the relay (a service that only consumes).
         */
        @WithDefault("5s")
        String relayInterval();

        /**
         * Whether the relay LISTENs for the notification that the insert trigger on
         * {@code outbox_event} sends at commit, on a connection of its own. Off, events wait for
         * the next poll (the behaviour to compare the fast path against).
         */
        @WithDefault("true")
        boolean wakeOnCommit();

        /** The most events one relay transaction publishes; a full batch is followed at once by the next. */
        @WithDefault("100")
        int batchSize();

        /**
         * How long the relay waits for the broker to acknowledge one event before it rolls the
         * batch back. A safety net: the channel's delivery timeout normally fails a send sooner.
         */
        @WithDefault("30s")
        Duration sendTimeout();

        /**
         * After how many refused sends an event is parked: it and the later events of its
         * aggregate stay in the outbox, out of the relay's way, until an operator republishes it.
         * A refusal is a send the broker rejected for good (record too large, invalid topic, not
         * authorized) or one that failed while other events of the same batch were acknowledged
         * (an unknown topic times out like an outage, but the broker is up); failures while
         * nothing is acknowledged are an outage and never count.
         */
        @WithDefault("5")
        int maxAttempts();

        /**
         * How long a refused event (and its aggregate's later events) waits before the next
         * attempt; doubled after each refusal, at most {@link #maxRetryBackoff()}. Keeps a
         * slow refusal (an unknown topic blocks a send for the producer's max.block.ms) out of
         * most batches, so that it does not delay every other event until it is parked.
         */
        @WithDefault("1s")
        Duration retryBackoff();

        /** The longest wait between two attempts of a refused event. */
        @WithDefault("1m")
        Duration maxRetryBackoff();
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
