package org.bookingplatform.contracts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventContractsTest {

    private static final EventType TYPE = EventType.BOOKING_REQUESTED;
    private static final String BOOKING_ID = ContractFiles.example(TYPE).path("bookingId").stringValue();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aRecordOfEveryTypeBuiltAsTheContractSaysIsValid(EventType type) {
        JsonNode data = ContractFiles.example(type);
        String key = data.path(type.topic().aggregateIdField()).stringValue();

        assertEquals(List.of(), EventContracts.validate(key, headers(type, key), data.toString()));
    }

    @Test
    void aValidConsumerRecordPassesAssertValid() {
        assertDoesNotThrow(() -> EventContracts.assertValid(consumerRecord(headers(TYPE, BOOKING_ID))));
    }

    @Test
    void everyMissingHeaderIsReported() {
        List<Violation> violations = EventContracts.validate(BOOKING_ID, Map.of(), data().toString());

        assertEquals(List.of("ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject", "ce_dataschema",
                "content-type"), violations.stream().map(Violation::location).toList());
    }

    @Test
    void aBlankHeaderCountsAsMissing() {
        assertEquals(List.of(new Violation("ce_id", "is missing")), validateWithHeader("ce_id", " "));
    }

    @Test
    void aSpecVersionOtherThan1_0IsRejected() {
        assertEquals(List.of(new Violation("ce_specversion", "is \"0.3\", expected \"1.0\"")),
                validateWithHeader("ce_specversion", "0.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-04T09:15:00", "2026-05-04T09:15Z", "2026-05-04 09:15:00Z", "2026-02-30T09:15:00Z", "yesterday"})
    void aTimeThatIsNotRfc3339IsRejected(String time) {
        assertEquals(List.of(new Violation("ce_time", "\"" + time + "\" is not an RFC 3339 timestamp")),
                validateWithHeader("ce_time", time));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-04T09:15:00Z", "2026-05-04T11:15:00.123456+02:00", "2026-05-04t09:15:00z"})
    void anRfc3339TimeIsAccepted(String time) {
        assertEquals(List.of(), validateWithHeader("ce_time", time));
    }

    @Test
    void anUnknownTypeIsRejected() {
        assertEquals(List.of(new Violation("ce_type", "\"org.bookingplatform.booking.rescheduled\" is not a known event type")),
                validateWithHeader("ce_type", "org.bookingplatform.booking.rescheduled"));
    }

    @Test
    void aSubjectOtherThanTheKeyIsRejected() {
        String other = UUID.randomUUID().toString();

        assertEquals(List.of(new Violation("ce_subject", "is \"" + other + "\" but the key is \"" + BOOKING_ID + "\"")),
                validateWithHeader("ce_subject", other));
    }

    @Test
    void aRecordWithoutKeyIsRejected() {
        List<Violation> violations = EventContracts.validate(null, headers(TYPE, BOOKING_ID), data().toString());

        assertEquals(List.of(new Violation("key", "is missing: the key must be the aggregate id")), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:bookingplatform:schema:booking.confirmed:v1", "urn:bookingplatform:schema:booking.requested",
            "booking.requested.schema.json"})
    void aDataschemaThatDoesNotNameTheTypesSchemaIsRejected(String dataschema) {
        List<Violation> violations = validateWithHeader("ce_dataschema", dataschema);

        assertEquals(1, violations.size(), violations.toString());
        assertEquals("ce_dataschema", violations.get(0).location());
    }

    @Test
    void aDataschemaOfAnUnpublishedMajorVersionIsRejected() {
        assertEquals(List.of(new Violation("ce_dataschema",
                        "\"urn:bookingplatform:schema:booking.requested:v9\" is not a published schema version")),
                validateWithHeader("ce_dataschema", TYPE.dataschema(9)));
    }

    @Test
    void aSourceOtherThanThePublishingServiceIsRejected() {
        assertEquals(List.of(new Violation("ce_source",
                        "is \"/payment-service\" but booking.requested is published by /booking-service")),
                validateWithHeader("ce_source", "/payment-service"));
    }

    @Test
    void aContentTypeOtherThanJsonIsRejected() {
        assertEquals(List.of(new Violation("content-type", "is \"text/plain\", expected \"application/json\"")),
                validateWithHeader("content-type", "text/plain"));
    }

    @Test
    void aJsonContentTypeWithCharsetIsAccepted() {
        assertEquals(List.of(), validateWithHeader("content-type", "application/json; charset=utf-8"));
    }

    @Test
    void dataThatBreaksTheSchemaIsReportedFieldByField() {
        ObjectNode data = data();
        data.remove("listingId");
        data.put("currency", "euro");
        data.put("quantity", 0);

        List<String> locations = validate(data).stream().map(Violation::location).sorted().toList();

        assertEquals(List.of("data", "data/currency", "data/quantity"), locations);
    }

    @Test
    void dataWhoseAggregateIdIsNotTheKeyIsRejected() {
        String other = UUID.randomUUID().toString();
        ObjectNode data = data();
        data.put("bookingId", other);

        assertEquals(List.of(new Violation("data/bookingId", "is \"" + other + "\" but the key is \"" + BOOKING_ID + "\"")),
                validate(data));
    }

    @Test
    void personalDataOnBookingEventsIsRejectedEvenAsAnExtraField() {
        ObjectNode data = data();
        data.put("customerEmail", "ada.lovelace@example.com");

        assertEquals(List.of(new Violation("data/customerEmail",
                "looks like personal data, which booking.events must not carry")), validate(data));
    }

    @Test
    void unknownFieldsAreAllowedBecauseAddingOptionalFieldsIsNotBreaking() {
        ObjectNode data = data();
        data.put("promotionCode", "SPRING");

        assertEquals(List.of(), validate(data));
    }

    @Test
    void aValueThatIsNotJsonIsRejected() {
        List<Violation> violations = EventContracts.validate(BOOKING_ID, headers(TYPE, BOOKING_ID), "{not json");

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).toString().startsWith("value: is not JSON"), violations.toString());
    }

    @Test
    void aTombstoneIsRejectedBecauseEventsAreNeverDeletedByKey() {
        assertEquals(List.of(new Violation("value", "is missing: every event carries its data as JSON")),
                EventContracts.validate(BOOKING_ID, headers(TYPE, BOOKING_ID), null));
    }

    @Test
    void assertValidListsEveryViolation() {
        Map<String, String> headers = headers(TYPE, BOOKING_ID);
        headers.put("ce_specversion", "0.3");
        headers.remove("ce_time");

        AssertionError error = assertThrows(AssertionError.class,
                () -> EventContracts.assertValid(consumerRecord(headers)));

        assertEquals("""
                org.bookingplatform.booking.requested (ce_id %s, key %s) breaks the event contract:
                  - ce_time: is missing
                  - ce_specversion: is "0.3", expected "1.0\"""".formatted(headers.get("ce_id"), BOOKING_ID),
                error.getMessage());
    }

    @Test
    void theLastOfARepeatedHeaderCounts() {
        Map<String, String> headers = headers(TYPE, BOOKING_ID);
        RecordHeaders kafkaHeaders = new RecordHeaders();
        kafkaHeaders.add("ce_type", "org.bookingplatform.booking.unknown".getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(), EventContracts.validate(consumerRecord(kafkaHeaders)));
    }

    private static ObjectNode data() {
        return (ObjectNode) ContractFiles.example(TYPE).deepCopy();
    }

    private static List<Violation> validate(JsonNode data) {
        return EventContracts.validate(BOOKING_ID, headers(TYPE, BOOKING_ID), data.toString());
    }

    private static List<Violation> validateWithHeader(String name, String value) {
        Map<String, String> headers = headers(TYPE, BOOKING_ID);
        headers.put(name, value);
        return EventContracts.validate(BOOKING_ID, headers, data().toString());
    }

    private static Map<String, String> headers(EventType type, String key) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type.ceType());
        headers.put("ce_source", type.topic().source());
        headers.put("ce_specversion", "1.0");
        headers.put("ce_time", "2026-05-04T09:15:00.250Z");
        headers.put("ce_subject", key);
        headers.put("ce_dataschema", type.dataschema(1));
        headers.put("content-type", "application/json");
        return headers;
    }

    private static ConsumerRecord<String, String> consumerRecord(Map<String, String> headers) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return consumerRecord(kafkaHeaders);
    }

    private static ConsumerRecord<String, String> consumerRecord(RecordHeaders headers) {
        return new ConsumerRecord<>(TYPE.topic().topicName(), 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1,
                BOOKING_ID, data().toString(), headers, Optional.empty());
    }
}
