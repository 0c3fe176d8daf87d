// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import static dev.taw.TestData.cell;
import static dev.taw.TestData.importLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.io.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record with one trailing token more than its header is read as other readers read it, and said; two more is still a broken line. */
class TrailingTokenTest {
    @TempDir
    Path tmp;

    @Test
    void oneTrailingTokenIsIgnoredAndCountedTwoAreABrokenLine() throws Exception {
        Path log = Files.writeString(tmp.resolve("flows.log"), """
                version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
                2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK
                2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK extra
                2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK two more
                """);
        ImportResult r = importLog(log);
        assertEquals(2, r.table().rowCount());
        assertEquals("REJECT", cell(r.table(), "action", 1));
        assertEquals(1, r.report().skippedCount());
        assertTrue(r.report().issues().get(0).toString().contains("FIELD_COUNT"), r.report().issues().toString());
        assertTrue(r.report().warnings().stream().anyMatch(w -> w.equals("1 record(s) had one field more than the 14 the header names (first at line 3); "
                + "the extra last field was ignored")), r.report().warnings().toString());
    }
}
