package org.bookingplatform.platform.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When passes run, with a relay whose passes the test ends by hand (on the application's Vert.x,
 * as the real ones run): wake-ups during a pass are never lost and never pile up.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class RelayPassesIT {

    @Inject
    MessagingConfig config;

    @Inject
    Vertx vertx;

    /** A relay whose every pass waits until the test completes it. */
    static final class HeldRelay extends OutboxRelay {
        final List<CompletableFuture<Void>> passes = new CopyOnWriteArrayList<>();

        HeldRelay(MessagingConfig config) {
            super(null, config);
        }

        @Override
        public Uni<Void> publishPending() {
            CompletableFuture<Void> pass = new CompletableFuture<>();
            passes.add(pass);
            return Uni.createFrom().completionStage(pass);
        }
    }

    @Test
    void wakeUpsDuringAPassFoldIntoExactlyOneMorePass() throws Exception {
        HeldRelay relay = new HeldRelay(config);
        RelayPasses passes = new RelayPasses(relay, vertx, null);
        passes.start();

        passes.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.passes.size() == 1);
        ExecutorService committers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 100; i++) {
            committers.submit(passes::wake);
        }
        committers.shutdown();
        committers.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(1, relay.passes.size(), "a second pass while the first runs");

        relay.passes.get(0).complete(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.passes.size() == 2);
        relay.passes.get(1).complete(null);
        Thread.sleep(500);
        assertEquals(2, relay.passes.size(), "passes for 101 wake-ups, 100 of them during the first pass");

        passes.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.passes.size() == 3);
        relay.passes.get(2).completeExceptionally(new IllegalStateException("broker away"));
        passes.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.passes.size() == 4);
        relay.passes.get(3).complete(null);
        passes.stop();
    }

    @Test
    void noPassRunsBeforeTheStart() throws Exception {
        HeldRelay relay = new HeldRelay(config);
        RelayPasses passes = new RelayPasses(relay, vertx, null);

        passes.wake();
        Thread.sleep(300);
        assertEquals(0, relay.passes.size());

        passes.start();
        passes.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.passes.size() == 1);
        relay.passes.get(0).complete(null);
        passes.stop();
    }
}
