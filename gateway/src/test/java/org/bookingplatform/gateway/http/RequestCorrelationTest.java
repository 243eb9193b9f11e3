package org.bookingplatform.gateway.http;

import org.bookingplatform.platform.logging.RequestIds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestCorrelationTest {

    @Test
    void generatedIdsAreFreshAndSane() {
        String first = RequestCorrelation.newRequestId();
        assertTrue(RequestIds.isSane(first));
        assertNotEquals(first, RequestCorrelation.newRequestId());
    }
}
