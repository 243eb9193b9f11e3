package org.bookingplatform.platform.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement text for both database clients of a service: Hibernate Reactive's native queries
 * take JPA ordinal parameters ({@code ?1}), the Vert.x PostgreSQL client takes {@code $1}. Write
 * the statement once with {@code ?N} and give the SQL client {@link #forSqlClient} of it, so a hot
 * path moved to the SQL client cannot drift from the statement the rest of the service runs.
 * The text must not use PostgreSQL's {@code ?} operators (jsonb).
 */
public final class OrdinalSql {

    private static final Pattern ORDINAL = Pattern.compile("\\?(\\d+)");

    private OrdinalSql() {
    }

    public static String forSqlClient(String ordinalSql) {
        return ORDINAL.matcher(ordinalSql).replaceAll("\\$$1");
    }

    /** A statement that one of the parts of {@link #together} is made of, named for the final select. */
    public record Part(String name, String ordinalSql) {
    }

    /**
     * The parts as one statement: each runs as a common table expression ({@code WITH name AS
     * (...)}), then {@code select}, which may read the parts' {@code RETURNING} rows. The parts'
     * parameters are numbered on, in order: the statement takes the first part's parameters, then
     * the second's, and so on. One statement is one round trip and one protocol exchange for
     * PostgreSQL where the parts alone would be several; every part runs exactly once, on the same
     * snapshot, whatever the select reads.
     */
    public static String together(String select, Part... parts) {
        StringBuilder statement = new StringBuilder("WITH ");
        int offset = 0;
        for (int i = 0; i < parts.length; i++) {
            statement.append(i == 0 ? "" : ",\n").append(parts[i].name()).append(" AS (\n")
                    .append(shifted(parts[i].ordinalSql(), offset)).append(")");
            offset += highestOrdinal(parts[i].ordinalSql());
        }
        return statement.append("\n").append(select).toString();
    }

    private static String shifted(String ordinalSql, int offset) {
        return ORDINAL.matcher(ordinalSql).replaceAll(match -> "?" + (Integer.parseInt(match.group(1)) + offset));
    }

    private static int highestOrdinal(String ordinalSql) {
        Matcher match = ORDINAL.matcher(ordinalSql);
        int highest = 0;
        while (match.find()) {
            highest = Math.max(highest, Integer.parseInt(match.group(1)));
        }
        return highest;
    }
}
