package org.bookingplatform.notification.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.config.NotificationConfig;
import org.bookingplatform.notification.service.NoticeFacts;
import org.bookingplatform.notification.service.NoticeKind;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the queued e-mails. Each one is first claimed in a committed statement (status SENDING,
 * attempt counted), then handed to SMTP, then marked SENT; the Kafka consumers only queue rows and
 * never wait for SMTP. While SMTP is down every attempt fails fast and the row is tried again
 * after a growing, jittered wait, until it is sent or given up.
 *
 * <p>Delivery is at least once. A dispatcher that dies after the SMTP server accepted a message
 * and before SENT committed leaves the row SENDING; once its lease ends another run sends it again
 * with the same Message-ID, which lets the receiving side recognise the copy. Claims take rows
 * with {@code FOR UPDATE SKIP LOCKED}, so replicas never send the same row at the same time.
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    /** A reply slower than this counts as a failed attempt; well inside the lease. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final EmailComposer composer;
    private final ObjectMapper json;
    private final NotificationConfig.Email config;
    private final EmailMetrics metrics;

    public EmailDispatcher(Pool pool, ReactiveMailer mailer, EmailComposer composer, ObjectMapper json,
                           NotificationConfig config, EmailMetrics metrics) {
        this.pool = pool;
        this.mailer = mailer;
        this.composer = composer;
        this.json = json;
        this.config = config.email();
        this.metrics = metrics;
    }

    @Scheduled(identity = "notification-email-dispatch", every = "${notification.email.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> dispatchOnSchedule() {
        return dispatchDue()
                .onFailure().invoke(failure -> LOG.warnf("E-mail queue not dispatched, retrying on the next run: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Sends batch after batch until no e-mail is due. */
    public Uni<Void> dispatchDue() {
        return Uni.createFrom().deferred(this::dispatchBatch)
                .repeat().whilst(claimed -> claimed == config.batchSize())
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Integer> dispatchBatch() {
        return claim().chain(emails -> Multi.createFrom().iterable(emails)
                .onItem().transformToUniAndConcatenate(email -> deliver(email)
                        .onFailure().invoke(failure -> LOG.warnf("E-mail %s left for a later run: %s", email.id(), failure.getMessage()))
                        .onFailure().recoverWithNull())
                .collect().last()
                .replaceWith(emails.size()));
    }

    /** Takes the due rows, and those whose claim is older than the lease (their dispatcher died). */
    private Uni<List<QueuedEmail>> claim() {
        return pool.preparedQuery("""
                        update email_message m
                           set status = 'SENDING', claimed_at = now(), attempts = m.attempts + 1
                          from (select id from email_message
                                 where (status = 'PENDING' and next_attempt_at <= now())
                                    or (status = 'SENDING' and claimed_at < now() - $1 * interval '1 millisecond')
                                 order by next_attempt_at
                                 limit $2
                                 for update skip locked) due
                         where m.id = due.id
                        returning m.id, m.user_id, m.kind, m.facts::text as facts, m.attempts, m.created_at""")
                .execute(Tuple.of(config.lease().toMillis(), config.batchSize()))
                .chain(this::queued);
    }

    private Uni<Void> deliver(QueuedEmail email) {
        return recipient(email.userId(), email.kind()).chain(recipient -> {
            if (recipient == null) {
                // user.events not consumed yet, or the user was erased (then the row is gone too).
                return retryLater(email, "no contact for the user yet");
            }
            if (!recipient.wantsEmail()) {
                return finish(email, "SKIPPED");
            }
            return Uni.createFrom().item(() -> composer.compose(email, recipient))
                    .chain(this::send)
                    .onItemOrFailure().transformToUni((sent, failure) -> failure == null
                            ? finish(email, "SENT").invoke(metrics::sent)
                            : retryLater(email, failure.getMessage()).invoke(metrics::failed));
        });
    }

    private Uni<Void> send(Mail mail) {
        return mailer.send(mail).ifNoItem().after(SEND_TIMEOUT).fail();
    }

    /** The same rule as {@link org.bookingplatform.notification.Contact#wantsEmail}: only an explicit false switches a kind off. */
    private Uni<Recipient> recipient(UUID userId, NoticeKind kind) {
        return pool.preparedQuery("""
                        select email, display_name, locale,
                               email_notifications and (email_preferences -> $2::text) is distinct from 'false'::jsonb as wants_email
                          from contact where user_id = $1""")
                .execute(Tuple.of(userId, kind.preference()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Recipient(row.getString("email"), row.getString("display_name"), row.getString("locale"),
                            row.getBoolean("wants_email"));
                });
    }

    private Uni<Void> finish(QueuedEmail email, String status) {
        return pool.preparedQuery("""
                        update email_message set status = $2, sent_at = case when $2 = 'SENT' then now() end, last_error = null
                         where id = $1""")
                .execute(Tuple.of(email.id(), status))
                .replaceWithVoid();
    }

    private Uni<Void> retryLater(QueuedEmail email, String error) {
        if (email.createdAt().plus(config.giveUpAfter()).isBefore(Instant.now())) {
            LOG.errorf("E-mail %s (%s to user %s) given up after %d attempts: %s", email.id(), email.kind(), email.userId(),
                    email.attempts(), error);
            return pool.preparedQuery("update email_message set status = 'FAILED', last_error = $2 where id = $1")
                    .execute(Tuple.of(email.id(), error))
                    .invoke(metrics::givenUp)
                    .replaceWithVoid();
        }
        return pool.preparedQuery("""
                        update email_message set status = 'PENDING', last_error = $2,
                               next_attempt_at = now() + $3 * interval '1 millisecond'
                         where id = $1 and status = 'SENDING'""")
                .execute(Tuple.of(email.id(), error, backoff(email.attempts()).toMillis()))
                .replaceWithVoid();
    }

    /** Doubles from the initial wait up to the maximum, randomised to half of it and more so that a backlog does not retry in step. */
    Duration backoff(int attempts) {
        long initial = config.initialBackoff().toMillis();
        long doubled = initial << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(doubled, config.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** The claimed rows, oldest first; a row that cannot be read is marked FAILED so that it never blocks the queue. */
    private Uni<List<QueuedEmail>> queued(RowSet<Row> rows) {
        List<QueuedEmail> emails = new ArrayList<>();
        List<Uni<Void>> unreadable = new ArrayList<>();
        for (Row row : rows) {
            UUID id = row.getUUID("id");
            try {
                emails.add(new QueuedEmail(id, row.getUUID("user_id"), NoticeKind.ofName(row.getString("kind")),
                        NoticeFacts.of(json.readTree(row.getString("facts"))), row.getInteger("attempts"),
                        row.getOffsetDateTime("created_at").toInstant()));
            } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                LOG.errorf("E-mail %s is unreadable and given up: %s", id, e.getMessage());
                unreadable.add(pool.preparedQuery("update email_message set status = 'FAILED', last_error = $2 where id = $1")
                        .execute(Tuple.of(id, "unreadable: " + e.getMessage())).replaceWithVoid());
            }
        }
        emails.sort(Comparator.comparing(QueuedEmail::createdAt));
        return unreadable.isEmpty() ? Uni.createFrom().item(emails)
                : Uni.join().all(unreadable).andCollectFailures().replaceWith(emails);
    }
}
