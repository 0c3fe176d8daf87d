// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import static dev.taw.TestData.cell;
import static dev.taw.TestData.importLog;
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
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALB access-log fixtures of the log-format notes (§3.4, §8). */
class AlbImporterTest {
    @TempDir
    Path tmp;

    @Test
    void theFourSampleLinesMapIntoTheSameAnalysis() {
        ImportResult r = importLog(TestData.resource("alb/sample-33-fields.log"));
        Table t = r.table();
        assertEquals("ALB access log [33 fields]", r.report().format());
        assertEquals(4, t.rowCount());
        assertEquals("203.0.113.45", t.text(Role.SRC_IP).orElseThrow().format(0));
        assertEquals(412.0, t.number(Role.BYTES_IN).orElseThrow().get(0));
        assertEquals(5822.0, t.number(Role.BYTES_OUT).orElseThrow().get(0));
        assertEquals(443.0, t.number(Role.DST_PORT).orElseThrow().get(0), "the listener port from the request URL");
        assertEquals("HTTPS", t.text(Role.PROTOCOL).orElseThrow().format(0));
        assertEquals("200", t.column(Role.RESPONSE_CODE).orElseThrow().format(0));
        assertEquals("/api/cart", cell(t, "path", 0));
        assertEquals("id=42", cell(t, "query", 0));
        // line 2: blocked by WAF: no target, -1 timings are "not measured", not negative
        assertEquals("", t.text(Role.DST_IP).orElseThrow().format(1));
        assertTrue(t.column("request_processing_time").orElseThrow().isMissing(1));
        assertEquals("waf", t.column(Role.RULE_NAMES).orElseThrow().format(1));
        assertEquals("sqlmap/1.8#stable (https://sqlmap.org)", cell(t, "user_agent", 1));
        // line 3: IPv6 client split at the last colon
        assertEquals("2001:db8:1f70::a1", t.text(Role.SRC_IP).orElseThrow().format(2));
        assertEquals("60211", cell(t, "client:port", 2).substring(cell(t, "client:port", 2).lastIndexOf(':') + 1));
        // line 4: \x22 kept as text in the URL, \" unescaped in the user agent, port 80 for http
        assertEquals("q=\\x22%3E%3Cscript%3E", cell(t, "query", 3));
        assertEquals("Mozilla/5.0 \"Scanner\" (compatible; ExampleBot/2.1)", cell(t, "user_agent", 3));
        assertEquals(80.0, t.number(Role.DST_PORT).orElseThrow().get(3));
        assertEquals("Ambiguous", cell(t, "classification", 3));
        assertEquals(1714086252518L, t.time(Role.TIME).orElseThrow().get(0), "microseconds read, kept to the millisecond");
    }

    @Test
    void olderAndNewerFieldCountsAndBadLines() throws IOException {
        List<String> sample = Files.readAllLines(TestData.resource("alb/sample-33-fields.log"));
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" ", AlbImporter.tokensForTest(sample.get(0)).subList(0, 25)));               // a 2019-era file
        lines.add(sample.get(0) + " \"future one\" future-two");                                          // 35 fields
        lines.add(String.join(" ", AlbImporter.tokensForTest(sample.get(0)).subList(0, 30)));               // 2024: up to conn_trace_id
        lines.add(sample.get(0).substring(0, sample.get(0).indexOf("(X11;")));                           // cut inside the user agent
        lines.add(sample.get(0).replace("203.0.113.45:51544", "2001:db8::zz:443"));                         // not an address
        lines.add(String.join(" ", AlbImporter.tokensForTest(sample.get(0)).subList(0, 10)));               // too few fields
        Path f = Files.write(tmp.resolve("mixed.log"), lines);
        ImportResult r = new LogImporter().read(f, LogFormat.ALB, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(3, r.table().rowCount());
        assertEquals(List.of("extra_34", "extra_35"), r.report().extraColumns());
        assertEquals("TID_8c0f1e2d3c4b5a69788796a5b4c3d2e1", cell(r.table(), "conn_trace_id", 2));
        assertEquals("", cell(r.table(), "transformed_host", 2), "fields a 30-field line does not have are empty");
        assertEquals("future one", cell(r.table(), "extra_34", 1));
        assertEquals("", cell(r.table(), "extra_34", 0), "the older line has no such field");
        List<ImportIssue> issues = r.report().issues();
        assertEquals(List.of(Reason.UNTERMINATED_QUOTE, Reason.BAD_IP, Reason.FIELD_COUNT), issues.stream().map(ImportIssue::reason).toList());
        assertTrue(issues.get(1).toString().startsWith("mixed.log:5: ALB: column 'client:port': BAD_IP — field 4 'client:port' = \"2001:db8::zz:443\""),
                issues.get(1).toString());
    }
}
