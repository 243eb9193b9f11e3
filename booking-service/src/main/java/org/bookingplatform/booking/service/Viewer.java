package org.bookingplatform.booking.service;

import java.util.UUID;

/** Who is asking: the token's subject and whether they hold the operator role. */
public record Viewer(UUID userId, boolean operator) {

    public boolean maySee(UUID ownerId) {
        return operator || userId.equals(ownerId);
    }
}
