package org.bookingplatform.platform.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrdinalSqlTest {

    @Test
    void turnsOrdinalParametersIntoDollarParametersAndLeavesTheRest() {
        assertEquals("UPDATE t SET a = a + $4 WHERE id = $1 AND b < $12 AND c = '?'",
                OrdinalSql.forSqlClient("UPDATE t SET a = a + ?4 WHERE id = ?1 AND b < ?12 AND c = '?'"));
    }

    @Test
    void joinsPartsIntoOneStatementNumberingEachPartsParametersOn() {
        String statement = OrdinalSql.together("SELECT count(*) FROM taken",
                new OrdinalSql.Part("taken", "UPDATE slot SET held = held + ?2 WHERE listing = ?1 RETURNING 1"),
                new OrdinalSql.Part("booking", "INSERT INTO booking (id, listing) VALUES (?1, ?2)"),
                new OrdinalSql.Part("answer", "UPDATE answer SET body = ?1 WHERE key = ?3 AND scope = ?2"));

        assertEquals("""
                WITH taken AS (
                UPDATE slot SET held = held + ?2 WHERE listing = ?1 RETURNING 1),
                booking AS (
                INSERT INTO booking (id, listing) VALUES (?3, ?4)),
                answer AS (
                UPDATE answer SET body = ?5 WHERE key = ?7 AND scope = ?6)
                SELECT count(*) FROM taken""", statement);
    }
}
