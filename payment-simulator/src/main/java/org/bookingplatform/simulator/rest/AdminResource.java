package org.bookingplatform.simulator.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.simulator.Counters;
import org.bookingplatform.simulator.Ledger;
import org.bookingplatform.simulator.ProblemException;
import org.bookingplatform.simulator.Stats;
import org.bookingplatform.simulator.fault.FaultInjector;
import org.bookingplatform.simulator.fault.FaultSettings;

/** Test and demo controls; never subject to faults or down mode, so a test can always heal the provider. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final FaultInjector faults;
    private final Ledger ledger;
    private final Counters counters;

    public AdminResource(FaultInjector faults, Ledger ledger, Counters counters) {
        this.faults = faults;
        this.ledger = ledger;
        this.counters = counters;
    }

    @GET
    @Path("/faults")
    public FaultSettings faults() {
        return faults.settings();
    }

    @PUT
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public FaultSettings configureFaults(FaultSettings settings) {
        if (settings == null) {
            throw ProblemException.invalidRequest("A JSON body with the fault settings is required");
        }
        return faults.configure(settings);
    }

    @DELETE
    @Path("/faults")
    public void heal() {
        faults.heal();
    }

    @GET
    @Path("/stats")
    public Stats stats() {
        return counters.snapshot();
    }

    /** Back to a freshly started simulator: no payments, zero counters, no faults. */
    @POST
    @Path("/reset")
    public void reset() {
        ledger.clear();
        counters.reset();
        faults.heal();
    }
}
