package org.bookingplatform.contracts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of one major version of an event type's data schema: the URN that is both the
 * schema's {@code $id} and the {@code ce_dataschema} of the events it describes. A URN rather
 * than a URL, so that nobody is tempted to fetch it: the schema comes from the classpath.
 */
record DataSchemaId(String typeName, int major) {

    private static final Pattern URN = Pattern.compile("urn:bookingplatform:schema:([a-z][a-z.-]*[a-z]):v([1-9][0-9]{0,5})");

    static Optional<DataSchemaId> parse(String urn) {
        Matcher matcher = URN.matcher(urn);
        return matcher.matches()
                ? Optional.of(new DataSchemaId(matcher.group(1), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    String urn() {
        return "urn:bookingplatform:schema:" + typeName + ":v" + major;
    }

    /** Where the current schema of this version lives, e.g. {@code contracts/schemas/v1/booking.requested.schema.json}. */
    String classpathResource() {
        return "contracts/schemas/v" + major + "/" + typeName + ".schema.json";
    }
}
