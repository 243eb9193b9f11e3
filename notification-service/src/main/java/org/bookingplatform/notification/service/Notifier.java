package org.bookingplatform.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.Contact;
import org.bookingplatform.notification.Notification;
import org.bookingplatform.notification.repository.ContactRepository;
import org.bookingplatform.notification.repository.EmailQueue;
import org.bookingplatform.notification.repository.ErasedUserRepository;
import org.bookingplatform.notification.repository.NotificationRepository;
import org.bookingplatform.notification.repository.PersonLock;

import java.util.Locale;
import java.util.UUID;

/**
 * Tells a customer of an event, in the consumer's transaction: the in-app notification (which the
 * database numbers and announces to every replica's live streams on commit) and, when the user
 * wants e-mail, the queued e-mail. An erased user is told nothing: the user's lock orders this
 * against an erasure applied at the same time.
 */
@ApplicationScoped
public class Notifier {

    private final NotificationRepository notifications;
    private final ContactRepository contacts;
    private final ErasedUserRepository erasedUsers;
    private final EmailQueue emails;
    private final NoticeTexts texts;
    private final PersonLock personLock;

    public Notifier(NotificationRepository notifications, ContactRepository contacts, ErasedUserRepository erasedUsers,
                    EmailQueue emails, NoticeTexts texts, PersonLock personLock) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.erasedUsers = erasedUsers;
        this.emails = emails;
        this.texts = texts;
        this.personLock = personLock;
    }

    public Uni<Void> tell(Notice notice) {
        return personLock.lock(notice.userId())
                .chain(() -> erasedUsers.erased(notice.userId()))
                .chain(erased -> erased ? Uni.createFrom().voidItem()
                        : contacts.findById(notice.userId()).chain(contact -> record(notice, contact)));
    }

    private Uni<Void> record(Notice notice, Contact contact) {
        Locale locale = NoticeTexts.localeFor(contact == null ? null : contact.locale);
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.userId = notice.userId();
        notification.bookingId = notice.facts().bookingId();
        notification.kind = notice.kind().shortType();
        notification.title = texts.title(notice.kind(), locale);
        notification.body = texts.summary(notice.kind(), notice.facts(), locale);
        notification.createdAt = notice.occurredAt();
        Uni<Void> inApp = notifications.persist(notification).replaceWithVoid();
        // Without a contact yet (user.events not consumed so far) the e-mail is queued anyway: the
        // dispatcher waits for the contact, and checks the preference again when it sends.
        boolean wantsEmail = notice.kind().emailed() && (contact == null || contact.wantsEmail(notice.kind()));
        return wantsEmail ? inApp.chain(() -> emails.enqueue(notice.eventId(), notice.userId(), notice.kind().name(),
                notice.facts().toJson().toString()))
                : inApp;
    }
}
