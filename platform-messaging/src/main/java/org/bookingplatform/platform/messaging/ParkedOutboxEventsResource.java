package org.bookingplatform.platform.messaging;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.platform.security.Caller;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The operator's view of the parked outbox events of this service, and the way to republish
 * them once the cause is fixed. Served by every service that uses the outbox, on its own port
 * (the gateway does not route it).
 */
@Path("/admin/outbox/parked")
@RolesAllowed(Caller.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ParkedOutboxEventsResource {

    private static final Logger LOG = Logger.getLogger(ParkedOutboxEventsResource.class);

    private final ParkedOutboxEvents parked;
    private final SecurityIdentity identity;

    ParkedOutboxEventsResource(ParkedOutboxEvents parked, SecurityIdentity identity) {
        this.parked = parked;
        this.identity = identity;
    }

    /** The ids republished, oldest first (they are published in that order). */
    public record Republished(List<UUID> ids) {
    }

    @GET
    public Uni<PageResponse<ParkedOutboxEvent>> list(@BeanParam @Valid PageRequest page) {
        return parked.list(page.page(), page.size()).map(rows -> PageResponse.of(rows, page, Function.identity()));
    }

    @POST
    @Path("/republish")
    public Uni<Republished> republishAll() {
        Caller caller = Caller.of(identity);
        return parked.republishAll().map(ids -> republished(caller, ids));
    }

    @POST
    @Path("/{id}/republish")
    public Uni<Republished> republish(@PathParam("id") String id) {
        Caller caller = Caller.of(identity);
        UUID eventId = eventId(id);
        return parked.republish(eventId).map(ids -> {
            if (ids.isEmpty()) {
                throw ProblemException.notFound("No parked outbox event has the id " + eventId + ".");
            }
            return republished(caller, ids);
        });
    }

    private static Republished republished(Caller caller, List<UUID> ids) {
        LOG.infof("Operator %s republished %d parked outbox events: %s", caller.id(), ids.size(), ids);
        return new Republished(ids);
    }

    private static UUID eventId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw ProblemException.badRequest("id", "must be an event id (a UUID)");
        }
    }
}
