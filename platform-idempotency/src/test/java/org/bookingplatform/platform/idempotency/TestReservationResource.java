package org.bookingplatform.platform.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import org.bookingplatform.platform.problem.ProblemException;

import java.util.UUID;

/** A tiny use case that writes a row, made idempotent the way services do it. */
@Path("/test-reservations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TestReservationResource {

    public record ReservationRequest(String owner, int seats) {
    }

    public record Reservation(UUID id, String owner, int seats) {
    }

    private final IdempotencyKeys keys;

    public TestReservationResource(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @POST
    @WithTransaction
    public Uni<Response> reserve(@HeaderParam(IdempotencyKeys.HEADER) String key, ReservationRequest request) {
        IdempotencyKeys.require(key);
        return keys.once("reservation:" + request.owner(), key, request, 201, () -> insert(request))
                .map(IdempotentResult::toResponse);
    }

    private static Uni<Reservation> insert(ReservationRequest request) {
        if (request.seats() < 1) {
            return Uni.createFrom().failure(ProblemException.unprocessable("seats", "must be at least 1"));
        }
        Reservation reservation = new Reservation(UUID.randomUUID(), request.owner(), request.seats());
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("INSERT INTO test_reservation (id, owner, seats) VALUES (?1, ?2, ?3)")
                        .setParameter(1, reservation.id()).setParameter(2, reservation.owner()).setParameter(3, reservation.seats())
                        .executeUpdate())
                .replaceWith(reservation);
    }
}
