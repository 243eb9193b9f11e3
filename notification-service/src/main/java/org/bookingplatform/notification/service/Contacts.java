package org.bookingplatform.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.Contact;
import org.bookingplatform.notification.ErasedUser;
import org.bookingplatform.notification.repository.ContactRepository;
import org.bookingplatform.notification.repository.EmailQueue;
import org.bookingplatform.notification.repository.ErasedUserRepository;
import org.bookingplatform.notification.repository.NotificationRepository;
import org.bookingplatform.notification.repository.PersonLock;

import java.time.Instant;
import java.util.UUID;

/** The contact replica, kept from user.events in the consumer's transaction. */
@ApplicationScoped
public class Contacts {

    private final ContactRepository contacts;
    private final ErasedUserRepository erasedUsers;
    private final NotificationRepository notifications;
    private final EmailQueue emails;
    private final PersonLock personLock;

    public Contacts(ContactRepository contacts, ErasedUserRepository erasedUsers, NotificationRepository notifications,
                    EmailQueue emails, PersonLock personLock) {
        this.contacts = contacts;
        this.erasedUsers = erasedUsers;
        this.notifications = notifications;
        this.emails = emails;
        this.personLock = personLock;
    }

    /**
     * Applies a profile only when it is newer than the one kept: user.events of one user arrive in
     * order on their partition, but a redelivery or a replayed topic brings older ones again.
     * Nothing comes back for an erased user.
     */
    public Uni<Void> apply(ContactChange change) {
        return erasedUsers.erased(change.userId()).chain(erased -> erased ? Uni.createFrom().voidItem()
                : contacts.findById(change.userId()).chain(kept -> {
                    if (kept != null && kept.version >= change.version()) {
                        return Uni.createFrom().voidItem();
                    }
                    Contact contact = kept != null ? kept : new Contact();
                    contact.userId = change.userId();
                    contact.email = change.email();
                    contact.displayName = change.displayName();
                    contact.locale = change.locale();
                    contact.emailNotifications = change.emailNotifications() == null || change.emailNotifications();
                    contact.emailPreferences = change.emailPreferences() == null ? null
                            : JsonObject.mapFrom(change.emailPreferences()).encode();
                    contact.version = change.version();
                    contact.updatedAt = change.occurredAt() != null ? change.occurredAt() : Instant.now();
                    return kept != null ? Uni.createFrom().voidItem() : contacts.persist(contact).replaceWithVoid();
                }));
    }

    /**
     * Deletes what is kept about the user and remembers only that they were erased, under the user's
     * lock so that no notice being applied meanwhile queues anything after it.
     */
    public Uni<Void> erase(UUID userId, Instant at) {
        return personLock.lock(userId).chain(() -> erasedUsers.erased(userId)).chain(already -> {
            if (already) {
                return Uni.createFrom().voidItem();
            }
            ErasedUser erased = new ErasedUser();
            erased.userId = userId;
            erased.erasedAt = at != null ? at : Instant.now();
            return erasedUsers.persist(erased)
                    .chain(() -> contacts.deleteById(userId))
                    .chain(() -> notifications.forget(userId))
                    .chain(() -> emails.forget(userId));
        });
    }
}
