package org.bookingplatform.simulator.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.bookingplatform.simulator.Counters;
import org.bookingplatform.simulator.ProblemException;
import org.bookingplatform.simulator.fault.FaultInjector;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every API request passes here first: it is counted, and refused while the provider is down. */
public class ApiEntryFilter {

    private static final String RETRY_AFTER_SECONDS = "1";

    private final Counters counters;
    private final FaultInjector faults;

    public ApiEntryFilter(Counters counters, FaultInjector faults) {
        this.counters = counters;
        this.faults = faults;
    }

    @ServerRequestFilter(preMatching = true)
    public RestResponse<Problem> admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/admin")) {
            return null;
        }
        counters.requestReceived();
        if ("POST".equals(request.getMethod()) && path.equals("/v1/payments")) {
            counters.chargeAttempted();
        }
        if (faults.isDown()) {
            return RestResponse.ResponseBuilder
                    .create(RestResponse.Status.SERVICE_UNAVAILABLE, Problem.of(ProblemException.providerDown()))
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        return null;
    }
}
