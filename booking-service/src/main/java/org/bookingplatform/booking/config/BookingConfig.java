package org.bookingplatform.booking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of holds and of the expiry sweep, under {@code booking}. */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    /** How long an unpaid hold keeps its inventory before the sweep expires it. */
    @WithDefault("15m")
    Duration holdDuration();

    /** The largest quantity one booking may take of every slot. */
    @WithDefault("20")
    int maxQuantity();

    /** How often unpaid holds are expired (read by the sweep's {@code @Scheduled}). */
    @WithDefault("10s")
    String expirySweepInterval();

    /** The most holds one sweep transaction expires; a full batch is followed at once by the next. */
    @WithDefault("100")
    int expiryBatchSize();
}
