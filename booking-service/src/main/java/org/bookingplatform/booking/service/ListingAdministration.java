package org.bookingplatform.booking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.SlotGrid;
import org.bookingplatform.booking.repository.ListingRepository;
import org.bookingplatform.booking.rest.ListingRequest;
import org.bookingplatform.booking.rest.ListingUpdate;
import org.bookingplatform.platform.problem.ProblemException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Operators create, edit and archive listings. */
@ApplicationScoped
public class ListingAdministration {

    private final ListingRepository listings;

    public ListingAdministration(ListingRepository listings) {
        this.listings = listings;
    }

    @WithTransaction
    public Uni<Listing> create(ListingRequest request) {
        if (!ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            return Uni.createFrom().failure(ProblemException.badRequest("timeZone", "must be an IANA time zone such as Europe/Lisbon"));
        }
        if (!SlotGrid.validLength(request.slotMinutes())) {
            return Uni.createFrom().failure(ProblemException.badRequest("slotMinutes",
                    "must divide a day (1440 minutes): 1440 for nights, 30 or 60 for appointments"));
        }
        Listing listing = new Listing();
        listing.id = UUID.randomUUID();
        listing.timeZone = request.timeZone();
        listing.slotMinutes = request.slotMinutes();
        listing.status = Listing.Status.ACTIVE;
        listing.createdAt = now();
        edit(listing, new ListingUpdate(request.name(), request.description(), request.category(), request.city(), request.unitPrice()));
        return listings.persist(listing);
    }

    @WithTransaction
    public Uni<Listing> update(UUID id, ListingUpdate update) {
        return active(id).invoke(listing -> edit(listing, update));
    }

    /** Archived listings leave the search and take no new holds; existing bookings stay as they are. */
    @WithTransaction
    public Uni<Listing> archive(UUID id) {
        return listings.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No listing " + id + "."))
                .invoke(listing -> {
                    if (listing.status != Listing.Status.ARCHIVED) {
                        listing.status = Listing.Status.ARCHIVED;
                        listing.updatedAt = now();
                    }
                });
    }

    /** The listing, for a change: 404 when missing, 409 when archived. */
    Uni<Listing> active(UUID id) {
        return listings.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No listing " + id + "."))
                .invoke(listing -> {
                    if (listing.status == Listing.Status.ARCHIVED) {
                        throw ProblemException.conflict("Listing " + id + " is archived.");
                    }
                });
    }

    private static void edit(Listing listing, ListingUpdate update) {
        listing.name = update.name();
        listing.description = update.description() == null ? "" : update.description();
        listing.category = update.category();
        listing.city = update.city();
        listing.unitPriceAmount = update.unitPrice().amount();
        listing.currency = update.unitPrice().currency();
        listing.updatedAt = now();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
