package org.bookingplatform.platform.sql;

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
}
