package org.bookingplatform.platform.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The answer of an idempotent request: fresh from the use case, or replayed as first stored. */
public record IdempotentResult<T>(int status, T body, String replayedJson) {

    public static <T> IdempotentResult<T> fresh(int status, T body) {
        return new IdempotentResult<>(status, body, null);
    }

    public static <T> IdempotentResult<T> replayed(Claim.Replay replay) {
        return new IdempotentResult<>(replay.status(), null, replay.body());
    }

    public boolean isReplay() {
        return replayedJson != null;
    }

    public Response toResponse() {
        if (isReplay()) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(replayedJson)
                    .header(IdempotencyKeys.REPLAYED_HEADER, "true").build();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
