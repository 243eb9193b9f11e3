package org.bookingplatform.contracts;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks one record (key, headers, value) against the CloudEvents binding and the data schemas. */
final class RecordValidator {

    static final List<String> REQUIRED_HEADERS = List.of(
            "ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject", "ce_dataschema", "content-type");

    // RFC 3339 is stricter than ISO 8601: seconds and an offset are mandatory.
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String key;
    private final Map<String, String> headers;
    private final String value;
    private final List<Violation> violations = new ArrayList<>();

    private RecordValidator(String key, Map<String, String> headers, String value) {
        this.key = key;
        this.headers = headers;
        this.value = value;
    }

    static List<Violation> validate(String key, Map<String, String> headers, String value) {
        return new RecordValidator(key, headers, value).run();
    }

    private List<Violation> run() {
        checkEnvelope();
        Optional<EventType> type = header("ce_type").flatMap(this::knownType);
        type.ifPresent(this::checkSource);
        Optional<Schema> schema = type.flatMap(this::schemaOf);
        Optional<JsonNode> data = parseValue();
        if (schema.isPresent() && data.isPresent()) {
            checkData(type.get(), schema.get(), data.get());
        }
        return List.copyOf(violations);
    }

    /** What every event needs, whatever its type: the headers and a key that ce_subject repeats. */
    private void checkEnvelope() {
        REQUIRED_HEADERS.stream().filter(name -> header(name).isEmpty()).forEach(name -> violation(name, "is missing"));
        header("ce_specversion").filter(version -> !version.equals("1.0"))
                .ifPresent(version -> violation("ce_specversion", "is \"" + version + "\", expected \"1.0\""));
        header("ce_time").filter(time -> !isRfc3339(time))
                .ifPresent(time -> violation("ce_time", "\"" + time + "\" is not an RFC 3339 timestamp"));
        header("content-type").filter(type -> !isJson(type))
                .ifPresent(type -> violation("content-type", "is \"" + type + "\", expected \"application/json\""));
        if (key == null || key.isBlank()) {
            violation("key", "is missing: the key must be the aggregate id");
        }
        header("ce_subject").filter(subject -> key != null && !subject.equals(key))
                .ifPresent(subject -> violation("ce_subject", "is \"" + subject + "\" but the key is \"" + key + "\""));
    }

    private Optional<EventType> knownType(String ceType) {
        Optional<EventType> type = EventType.fromCeType(ceType);
        if (type.isEmpty()) {
            violation("ce_type", "\"" + ceType + "\" is not a known event type");
        }
        return type;
    }

    private void checkSource(EventType type) {
        header("ce_source").filter(source -> !source.equals(type.topic().source()))
                .ifPresent(source -> violation("ce_source",
                        "is \"" + source + "\" but " + type.typeName() + " is published by " + type.topic().source()));
    }

    private Optional<Schema> schemaOf(EventType type) {
        Optional<String> dataschema = header("ce_dataschema");
        if (dataschema.isEmpty()) {
            return Optional.empty();
        }
        Optional<DataSchemaId> id = DataSchemaId.parse(dataschema.get());
        if (id.isEmpty() || !id.get().typeName().equals(type.typeName())) {
            violation("ce_dataschema", "is \"" + dataschema.get() + "\", expected " + type.dataschema(1)
                    + " or another published major version of " + type.typeName());
            return Optional.empty();
        }
        Optional<Schema> schema = EventSchemas.find(id.get());
        if (schema.isEmpty()) {
            violation("ce_dataschema", "\"" + dataschema.get() + "\" is not a published schema version");
        }
        return schema;
    }

    private Optional<JsonNode> parseValue() {
        if (value == null) {
            violation("value", "is missing: every event carries its data as JSON");
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(value));
        } catch (JacksonException e) {
            violation("value", "is not JSON: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private void checkData(EventType type, Schema schema, JsonNode data) {
        for (Error error : schema.validate(data)) {
            violation("data" + error.getInstanceLocation(), error.getMessage());
        }
        String idField = type.topic().aggregateIdField();
        JsonNode aggregateId = data.path(idField);
        if (aggregateId.isString() && key != null && !aggregateId.stringValue().equals(key)) {
            violation("data/" + idField, "is \"" + aggregateId.stringValue() + "\" but the key is \"" + key + "\"");
        }
        if (type.topic().partnerFacing() && data.isObject()) {
            data.propertyNames().stream().filter(PersonalData::looksPersonal).forEach(field -> violation("data/" + field,
                    "looks like personal data, which " + type.topic().topicName() + " must not carry"));
        }
    }

    private Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(headerValue -> !headerValue.isBlank());
    }

    private static boolean isRfc3339(String time) {
        try {
            OffsetDateTime.parse(time, RFC_3339);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    // CloudEvents' Kafka binding maps datacontenttype to content-type; a charset parameter is harmless.
    private static boolean isJson(String contentType) {
        return contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json");
    }

    private void violation(String location, String message) {
        violations.add(new Violation(location, message));
    }
}
