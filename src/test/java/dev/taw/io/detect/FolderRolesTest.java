// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.TestData;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder's files are joined by the roles their columns play, and a column that plays two roles is named by the first.
 * Which one is first must not change from run to run: a table's roles were kept in {@code Map.copyOf}'s order, which
 * each JVM draws anew, and a folder of ALB and WAF logs put the WAF times under "time" in one run and under
 * "request_creation_time" in the next, and scored them differently.
 */
class FolderRolesTest {
    @Test
    void aTablesRolesAreInTheOrderOfRole() {
        Map<Role, Column> roles = new HashMap<>();
        List<Column> columns = new ArrayList<>();
        Role[] played = {Role.TIME, Role.SRC_IP, Role.BYTES_OUT, Role.DST_PORT, Role.BYTES_IN, Role.PROTOCOL, Role.CREATION_TIME, Role.DST_IP};
        for (Role r : played) {
            Column c = switch (r.kind()) {
                case NUMBER -> new NumberColumn.Builder(r.header()).build();
                case TIME -> new TimeColumn.Builder(r.header()).build();
                case TEXT -> new TextColumn.Builder(r.header()).build();
            };
            columns.add(c);
            roles.put(r, c);
        }
        Table t = new Table(0, columns, roles, new int[0]);
        // eight roles in a per-JVM order would come out in Role's order once in 40,320 runs
        List<Role> expected = Arrays.stream(Role.values()).filter(roles::containsKey).toList();
        assertEquals(expected, new ArrayList<>(t.roles().keySet()));
    }

    @Test
    void wafTimesGoUnderTheNameOfTheirFirstRole(@TempDir Path dir) throws Exception {
        Files.copy(TestData.resource("alb/sample-33-fields.log"), dir.resolve("a-alb.log"));
        Files.copy(TestData.resource("waf/sample.log"), dir.resolve("b-waf.log"));
        ImportResult r = new LogImporter().read(dir, dev.taw.io.LogFormat.AUTO, ProgressListener.NONE, CancelToken.NEVER);
        Table t = r.table();
        TextColumn file = (TextColumn) t.column("source_file").orElseThrow();
        Column creation = t.column(Role.CREATION_TIME).orElseThrow();
        Column time = t.column(Role.TIME).orElseThrow();
        assertTrue(creation != time, "the ALB log has a column for each");
        int waf = 0;
        for (int row = 0; row < t.rowCount(); row++) {
            if (!file.format(row).equals("b-waf.log")) continue;
            waf++;
            assertTrue(!creation.isMissing(row), "WAF row " + row + " has its time under " + creation.name());
        }
        assertTrue(waf > 0);
    }
}
