package org.bookingplatform.platform.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrdinalSqlTest {

    @Test
    void turnsOrdinalParametersIntoDollarParametersAndLeavesTheRest() {
        assertEquals("UPDATE t SET a = a + $4 WHERE id = $1 AND b < $12 AND c = '?'",
                OrdinalSql.forSqlClient("UPDATE t SET a = a + ?4 WHERE id = ?1 AND b < ?12 AND c = '?'"));
    }
}
