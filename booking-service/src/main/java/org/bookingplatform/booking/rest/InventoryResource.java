package org.bookingplatform.booking.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.booking.service.Inventory;

import java.util.List;
import java.util.UUID;

/** Operators open a listing's inventory and change the capacity of its slots. */
@Path("/listings/{id}/inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class InventoryResource {

    private final Inventory inventory;

    public InventoryResource(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Sets the capacity of every slot in [from, to), creating missing slots; 409 (nothing changed) if any slot holds more. */
    @PUT
    public Uni<List<SlotAvailability>> open(@PathParam("id") UUID listingId, @Valid @NotNull InventoryRange range) {
        return inventory.open(listingId, range.from(), range.to(), range.capacity())
                .map(slots -> slots.stream().map(SlotAvailability::of).toList());
    }

    @PUT
    @Path("/{slotStart}")
    public Uni<SlotAvailability> setSlot(@PathParam("id") UUID listingId, @PathParam("slotStart") String slotStart,
                                         @Valid @NotNull SlotCapacity slot) {
        return inventory.setSlot(listingId, RequestParameters.requiredInstant("slotStart", slotStart), slot.capacity())
                .map(SlotAvailability::of);
    }
}
