// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.detect.LogImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS WAF log fixtures of the log-format notes (§4.3, §8). */
class WafImporterTest {
    @TempDir
    Path tmp;

    private static String cell(Table t, String column, int row) {
        return t.column(column).orElseThrow().format(row);
    }

    @Test
    void theSampleRecordsMapIntoTheSameAnalysis() {
        ImportResult r = new AnalysisPipeline().importFile(TestData.resource("waf/sample.log"), ProgressListener.NONE, CancelToken.NEVER);
        Table t = r.table();
        assertEquals("WAF log [JSON]", r.report().format());
        assertEquals(4, t.rowCount());
        assertEquals("198.51.100.77", t.text(Role.SRC_IP).orElseThrow().format(0));
        assertEquals("BLOCK", t.column(Role.VERDICT).orElseThrow().format(0));
        assertTrue(t.column(Role.RULE_NAMES).orElseThrow().format(0).contains("SQLi_BODY"));
        assertEquals("awswaf:managed:aws:sql-database:SQLi_Body", cell(t, "labels", 0));
        assertEquals("sqlmap/1.8#stable (https://sqlmap.org)", cell(t, "user_agent", 0));
        // record 2: ALLOW at the top, even though a nested rule says COUNT; lower-case header names
        assertEquals("ALLOW", t.column(Role.VERDICT).orElseThrow().format(1));
        assertEquals("count-admin-path (COUNT)", t.column(Role.RULE_NAMES).orElseThrow().format(1));
        assertEquals("www.example.com", cell(t, "host", 1));
        assertEquals("reserved", t.text(Role.SRC_IP_COUNTRY_CODE).orElseThrow().format(1), "country '-' filled from GeoIP");
        assertEquals("429", cell(t, "responseCodeSent", 2));
        assertEquals("CAPTCHA", t.column(Role.VERDICT).orElseThrow().format(3));
        assertEquals(1714086301002L, t.time(Role.TIME).orElseThrow().get(0));
        assertTrue(t.number(Role.BYTES_IN).isEmpty(), "WAF logs have no bytes");
    }

    @Test
    void concatenatedObjectsBadRecordsAndTruncatedJson() throws IOException {
        List<String> sample = Files.readAllLines(TestData.resource("waf/sample.log"));
        Path f = Files.write(tmp.resolve("firehose.log"), List.of(
                sample.get(0) + sample.get(1),                              // "}{": no newline between records
                "{\"timestamp\":1714086301002,\"action\":\"ALLOW\",\"webaclId\":\"x\"}", // no httpRequest
                sample.get(2).substring(0, 300),                            // cut mid-record
                sample.get(3)));
        ImportResult r = new LogImporter().read(f, LogFormat.WAF, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(3, r.table().rowCount());
        assertEquals(List.of(1, 1, 4), List.of(r.table().sourceLines()[0], r.table().sourceLines()[1], r.table().sourceLines()[2]));
        assertEquals(List.of(Reason.FIELD_COUNT, Reason.INVALID_JSON), r.report().issues().stream().map(ImportIssue::reason).toList());
        assertTrue(r.report().issues().get(1).toString().startsWith("firehose.log:3: WAF: INVALID_JSON — "), r.report().issues().get(1).toString());
        assertEquals(LogFormat.WAF, LogImporter.detect(f));
    }
}
