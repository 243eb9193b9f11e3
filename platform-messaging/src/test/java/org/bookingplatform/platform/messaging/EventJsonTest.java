package org.bookingplatform.platform.messaging;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventJsonTest {

    record Held(String bookingId, Instant at) {
    }

    @Test
    void writesARecordAsAnObjectWithIsoInstants() {
        assertEquals("{\"bookingId\":\"b-1\",\"at\":\"2026-11-28T10:15:30Z\"}",
                EventJson.write(new Held("b-1", Instant.parse("2026-11-28T10:15:30Z"))));
    }

    @Test
    void refusesDataThatIsNotAnObject() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.write("just text"));
        assertThrows(IllegalArgumentException.class, () -> EventJson.write(List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> EventJson.write(42));
    }
}
