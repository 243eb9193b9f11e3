package org.bookingplatform.platform.messaging;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduledBatchesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScheduledBatches job = ScheduledBatches.named("test job", Logger.getLogger(ScheduledBatchesTest.class));

    @Test
    void runRepeatsFullBatchesAndStopsAfterTheFirstShortOne() {
        List<Integer> sizes = new ArrayList<>(List.of(3, 3, 1, 3));
        AtomicInteger batches = new AtomicInteger();

        int total = job.run(3, () -> {
            batches.incrementAndGet();
            return Uni.createFrom().item(sizes.remove(0));
        }).await().atMost(WAIT);

        assertEquals(3, batches.get());
        assertEquals(7, total);
    }

    @Test
    void aFailedBatchEndsTheRunWithoutFailingIt() {
        AtomicInteger batches = new AtomicInteger();

        int total = job.run(2, () -> batches.incrementAndGet() == 1
                ? Uni.createFrom().item(2)
                : Uni.createFrom().failure(new IllegalStateException("database away"))).await().atMost(WAIT);

        assertEquals(2, batches.get());
        assertEquals(2, total);
    }

    @Test
    void aBatchThatThrowsInsteadOfFailingEndsTheRunToo() {
        int total = job.run(2, () -> {
            throw new IllegalStateException("bug");
        }).await().atMost(WAIT);

        assertEquals(0, total);
    }

    @Test
    void eachWorksItemsInOrderOneAtATimeAndSkipsTheOnesThatFail() {
        List<String> done = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();

        int leased = job.each(Uni.createFrom().item(List.of("a", "b", "c", "d")), item -> "item " + item, item -> {
            if (item.equals("b")) {
                return Uni.createFrom().failure(new IllegalStateException("provider away"));
            }
            if (item.equals("c")) {
                throw new IllegalStateException("bug");
            }
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return Uni.createFrom().item(item)
                    .onItem().delayIt().by(Duration.ofMillis(20))
                    .invoke(done::add)
                    .eventually(inFlight::decrementAndGet);
        }).await().atMost(WAIT);

        assertEquals(4, leased);
        assertEquals(List.of("a", "d"), done);
        assertEquals(1, mostInFlight.get());
    }

    @Test
    void eachOfAnEmptyBatchTakesNothing() {
        assertEquals(0, job.each(Uni.createFrom().item(List.<String>of()), item -> item, item -> Uni.createFrom().voidItem())
                .await().atMost(WAIT));
    }

    @Test
    void aFailedLeaseFailsTheBatchSoThatTheRunStops() {
        AtomicInteger batches = new AtomicInteger();

        int total = job.run(1, () -> {
            batches.incrementAndGet();
            return job.each(Uni.createFrom().<List<String>>failure(new IllegalStateException("no connection")),
                    item -> item, item -> Uni.createFrom().voidItem());
        }).await().atMost(WAIT);

        assertEquals(1, batches.get());
        assertEquals(0, total);
    }

    @Test
    void runDrainsABacklogOfLeasedItemsBatchAfterBatch() {
        List<Integer> backlog = new ArrayList<>(List.of(1, 2, 3, 4, 5));
        List<Integer> worked = new ArrayList<>();

        int total = job.run(2, () -> job.each(Uni.createFrom().item(() -> {
            List<Integer> batch = new ArrayList<>(backlog.subList(0, Math.min(2, backlog.size())));
            backlog.removeAll(batch);
            return batch;
        }), item -> "item " + item, item -> Uni.createFrom().item(item).invoke(worked::add))).await().atMost(WAIT);

        assertEquals(5, total);
        assertEquals(List.of(1, 2, 3, 4, 5), worked);
    }
}
