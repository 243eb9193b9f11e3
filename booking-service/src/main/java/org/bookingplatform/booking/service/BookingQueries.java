package org.bookingplatform.booking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.repository.BookingRepository;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.platform.security.Caller;

import java.util.List;
import java.util.UUID;

/** Reads of bookings; a customer sees only their own, an operator sees all. */
@ApplicationScoped
public class BookingQueries {

    private final BookingRepository bookings;

    public BookingQueries(BookingRepository bookings) {
        this.bookings = bookings;
    }

    @WithSession
    public Uni<List<Booking>> list(Caller caller, Booking.Status status, PageRequest page) {
        return bookings.list(caller.operator() ? null : caller.id(), status, page.toPanache());
    }

    /** Another customer's booking is answered as missing, so its existence is not revealed. */
    @WithSession
    public Uni<Booking> get(Caller caller, UUID id) {
        return bookings.findById(id)
                .map(booking -> booking != null && caller.maySee(booking.customerId) ? booking : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No booking " + id + "."));
    }
}
