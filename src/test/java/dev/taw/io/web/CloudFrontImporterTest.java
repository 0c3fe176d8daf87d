// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import static dev.taw.TestData.cell;
import static dev.taw.TestData.importLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.detect.LogImporter;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudFront standard logs: the notes' sample lines (§5), an older field list, bad lines in the notes' format. */
class CloudFrontImporterTest {
    @TempDir
    Path tmp;

    @Test
    void theNotesSampleIsDetectedDecodedOnceAndMappedToTheSharedColumns() {
        Path f = TestData.resource("cloudfront/E2EXAMPLE1ABCD.2024-04-25-23.a1b2c3.log");
        assertEquals(LogFormat.CLOUDFRONT, LogImporter.detect(f));
        ImportResult r = importLog(f);
        Table t = r.table();
        assertEquals("CloudFront standard [33 fields]", r.report().format());
        assertEquals(5, r.report().rowsRead());
        assertEquals(4, t.rowCount(), "the 30-field line is read, its last three fields missing");
        List<ImportIssue> issues = r.report().issues();
        assertEquals(List.of(4L), issues.stream().map(ImportIssue::line).toList());
        assertEquals(Reason.BAD_TIMESTAMP, issues.get(0).reason());
        assertTrue(issues.get(0).toString().startsWith("E2EXAMPLE1ABCD.2024-04-25-23.a1b2c3.log:4: CloudFront standard [33 fields]: BAD_TIMESTAMP"),
                issues.get(0).toString());
        assertTrue(issues.get(0).detail().contains("'date'+'time' = \"2024-04-25 25:61:00\""), issues.get(0).detail());
        assertTrue(r.report().warnings().contains("1 line(s) had fewer fields than #Fields; the fields left off were read as missing"),
                r.report().warnings().toString());

        assertEquals("203.0.113.45", t.text(Role.SRC_IP).orElseThrow().format(0));
        assertEquals("2001:db8:1f70::a1", t.text(Role.SRC_IP).orElseThrow().format(1), "IPv6 viewer");
        assertEquals(412.0, t.number(Role.BYTES_IN).orElseThrow().get(0), "cs-bytes: what the viewer sent");
        assertEquals(5822.0, t.number(Role.BYTES_OUT).orElseThrow().get(0), "sc-bytes: what we sent back");
        assertEquals(Instant.parse("2024-04-25T23:04:12Z").toEpochMilli(), t.time(Role.TIME).orElseThrow().get(0));
        assertEquals(Instant.parse("2024-04-25T23:06:03Z").toEpochMilli() - 2517, t.time(Role.CREATION_TIME).orElseThrow().get(2),
                "the request started time-taken before it was logged");
        assertEquals("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", cell(t, "cs(User-Agent)", 0), "decoded");
        assertEquals("redirect_to=%2Fwp-admin%2F", cell(t, "cs-uri-query", 1), "decoded once: the client's own %2F stays visible");
        assertEquals("000", t.column(Role.RESPONSE_CODE).orElseThrow().format(2), "viewer hung up");
        assertEquals("ClientGeoBlocked", cell(t, "x-edge-detailed-result-type", 1));
        assertEquals("198.51.100.23", cell(t, "x-forwarded-for", 2), "kept, not taken for the client");
        assertEquals(443.0, t.number(Role.DST_PORT).orElseThrow().get(0));
        assertEquals("", cell(t, "time-to-first-byte", 2), "'-' is missing, shown empty");
        assertEquals("6", cell(t, "source_line", 2), "each row leads back to its line");
    }

    @Test
    void anOlderShorterFieldListIsReadByItsNames() {
        ImportResult r = importLog(TestData.resource("cloudfront/old-24-fields.log"));
        assertEquals("CloudFront standard [24 fields]", r.report().format());
        assertEquals(2, r.table().rowCount());
        assertEquals("/wp-login.php", cell(r.table(), "cs-uri-stem", 1));
        assertTrue(r.table().column("c-port").isEmpty());
    }

    @Test
    void aRecordBeforeAnyFieldsLineIsOneClearError() throws IOException {
        Path f = Files.writeString(tmp.resolve("cf.log"), "#Version: 1.0\n2024-04-25\t23:04:12\tIAD89-P1\n");
        ImportException e = assertThrows(ImportException.class, () -> importLog(f));
        assertEquals("cf.log:2: a CloudFront log without a #Fields line before its first record", e.getMessage());
    }

    @Test
    void percentDecodingKeepsWhatIsNotAnEscape() {
        assertEquals("a b/%zz%", CloudFrontImporter.decode("a%20b%2F%zz%"));
        assertEquals("café", CloudFrontImporter.decode("caf%C3%A9"));
        assertEquals("plain", CloudFrontImporter.decode("plain"));
    }

    @Test
    void aTrailingTabIsOneEmptyFieldMoreNotABrokenLine() throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(TestData.resource("cloudfront/E2EXAMPLE1ABCD.2024-04-25-23.a1b2c3.log")));
        for (int i = 0; i < lines.size(); i++) if (!lines.get(i).startsWith("#")) lines.set(i, lines.get(i) + "\t");
        Path f = java.nio.file.Files.write(tmp.resolve("trailing.log"), lines);
        ImportResult r = importLog(f);
        assertEquals(4, r.table().rowCount(), r.report().issues().toString());
        assertEquals(List.of(4L), r.report().issues().stream().map(ImportIssue::line).toList(), "only the bad timestamp");
    }
}
