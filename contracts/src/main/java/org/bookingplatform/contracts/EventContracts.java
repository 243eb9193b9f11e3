package org.bookingplatform.contracts;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Checks that an event record honours the contract: the CloudEvents 1.0 binary-mode headers
 * ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_specversion}, {@code ce_time},
 * {@code ce_subject}, {@code ce_dataschema}, {@code content-type}), the record key (the aggregate
 * id), and the data against the JSON Schema named by {@code ce_dataschema}.
 *
 * <pre>{@code
 * ConsumerRecord<String, String> record = ...; // read from the topic in a test
 * EventContracts.assertValid(record);
 * }</pre>
 */
public final class EventContracts {

    private EventContracts() {
    }

    /** Every violation of the contract by this record; empty when it is valid. */
    public static List<Violation> validate(ConsumerRecord<String, String> record) {
        return validate(record.key(), headersOf(record), record.value());
    }

    /**
     * Every violation of the contract by a record with this key, these headers and this value
     * (the data as JSON); empty when it is valid. For records that are not {@link ConsumerRecord}s,
     * such as rows of an outbox table.
     */
    public static List<Violation> validate(String key, Map<String, String> headers, String value) {
        return RecordValidator.validate(key, headers, value);
    }

    /** @throws AssertionError listing every violation, when the record breaks the contract */
    public static void assertValid(ConsumerRecord<String, String> record) {
        assertValid(record.key(), headersOf(record), record.value());
    }

    /** @throws AssertionError listing every violation, when the record breaks the contract */
    public static void assertValid(String key, Map<String, String> headers, String value) {
        List<Violation> violations = validate(key, headers, value);
        if (!violations.isEmpty()) {
            String event = headers.get("ce_type") + " (ce_id " + headers.get("ce_id") + ", key " + key + ")";
            throw new AssertionError(event + " breaks the event contract:\n"
                    + violations.stream().map(violation -> "  - " + violation).collect(Collectors.joining("\n")));
        }
    }

    // Kafka allows a header to repeat; as with Headers.lastHeader, the last one counts.
    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
