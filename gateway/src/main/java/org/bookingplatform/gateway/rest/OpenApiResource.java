package org.bookingplatform.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.gateway.openapi.OpenApiAggregator;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The combined API document, also shown by the gateway's Swagger UI (/q/swagger-ui). */
@Path("/api/v1/openapi.json")
@PermitAll
public class OpenApiResource {

    private final OpenApiAggregator aggregator;

    public OpenApiResource(OpenApiAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of the whole API, gathered from the services; "
            + "x-missing-services names those that could not be reached")
    public Uni<String> document() {
        return Uni.createFrom().completionStage(() -> aggregator.document().map(JsonObject::encode).toCompletionStage());
    }
}
