package org.bookingplatform.platform.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one shape of every scheduled background job of the platform: lease a batch of due work
 * (rows locked with {@code FOR UPDATE SKIP LOCKED}, so replicas running the job at the same moment
 * take different rows), work it, log what failed and carry on. A run never fails: what it could
 * not do stays due and is picked up by the next run, on this replica or another.
 * <ul>
 * <li>{@link #run(int, Supplier)} repeats a batch while the batches come back full, so a backlog
 * drains in one run instead of one batch per interval.</li>
 * <li>{@link #each(Uni, Function, Function)} works the items of a leased batch one after the
 * other (each in its own transaction, outside the lease's), so that one item's failure does not
 * hold back the rest.</li>
 * </ul>
 */
public final class ScheduledBatches {

    private final String job;
    private final Logger log;

    private ScheduledBatches(String job, Logger log) {
        this.job = job;
        this.log = log;
    }

    /** A job named in its log lines, which go to {@code log} (the owner's category). */
    public static ScheduledBatches named(String job, Logger log) {
        return new ScheduledBatches(job, log);
    }

    /**
     * One scheduled run: {@code batch} again and again while it reports a full batch (as many
     * items as {@code batchSize}). A failure is logged and ends this run only.
     *
     * @param batch one batch, emitting how many items it took
     * @return how many items the run took in all, failed batches not counted; never a failure
     */
    public Uni<Integer> run(int batchSize, Supplier<Uni<Integer>> batch) {
        int[] total = {0};
        return Uni.createFrom().<Integer>deferred(batch::get)
                .invoke(taken -> total[0] += taken)
                .repeat().whilst(taken -> taken >= batchSize)
                .collect().last()
                .map(ignored -> total[0])
                .onFailure().recoverWithItem(failure -> {
                    log.warnf("%s: run stopped, the rest is retried on the next run: %s", job, describe(failure));
                    return total[0];
                });
    }

    /**
     * Works the items of one leased batch one after the other. An item whose work fails is logged
     * with {@code name} and skipped; its lease runs out and a later run takes it again. A failure
     * of the lease itself fails the returned Uni (and so ends {@link #run}).
     *
     * @return how many items were leased, so that {@link #run} knows whether the batch was full
     */
    public <T> Uni<Integer> each(Uni<List<T>> leased, Function<T, String> name, Function<T, Uni<?>> work) {
        return leased.chain(items -> Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> Uni.createFrom().deferred(() -> work.apply(item))
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            log.warnf("%s: %s not done, retried later: %s", job, name.apply(item), describe(failure));
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last()
                .replaceWith(items.size()));
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getName() : failure.toString();
    }
}
