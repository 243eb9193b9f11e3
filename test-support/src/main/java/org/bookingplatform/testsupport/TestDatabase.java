package org.bookingplatform.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC access to a service's test database, for assertions on what was (not) written. */
public final class TestDatabase {

    private final String database;

    private TestDatabase(String database) {
        this.database = database;
    }

    /** Connects as the database's own role, exactly as the service does. */
    public static TestDatabase of(String database) {
        return new TestDatabase(database);
    }

    public long count(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + database + ": " + sql, e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed on " + database + ": " + sql, e);
        }
    }

    /** A connection of the caller's own, for a transaction a test holds open (a lock, say). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl(database), database, database);
    }
}
