package org.bookingplatform.bench.empty;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the baseline: its first 200 is the empty application's "ready". */
@Path("/hello")
public class HelloResource {

    @GET
    public String hello() {
        return "hello";
    }
}
