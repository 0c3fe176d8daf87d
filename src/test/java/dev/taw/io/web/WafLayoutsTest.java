// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taw.TestData;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.detect.LogImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAF logs laid out as the console, the documentation and other tools show them: pretty-printed, or one array. */
class WafLayoutsTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sample's records, pretty-printed as AWS's documentation shows a record (two-space indent, nested headers). */
    private static List<String> pretty(int records) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> sample = Files.readAllLines(TestData.resource("waf/sample.log"));
        for (int i = 0; i < records; i++) {
            JsonNode n = JSON.readTree(sample.get(i));
            out.addAll(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n).lines().toList());
        }
        return out;
    }

    private static ImportResult read(Path f) {
        return new LogImporter().read(f, LogFormat.AUTO, ProgressListener.NONE, CancelToken.NEVER);
    }

    @Test
    void prettyPrintedRecordsAreDetectedAndRead() throws IOException {
        Path f = Files.write(tmp.resolve("pretty.json"), pretty(3));
        assertEquals(LogFormat.WAF, LogImporter.detect(f));
        ImportResult r = read(f);
        assertEquals(3, r.table().rowCount(), r.report().issues().toString());
        assertEquals(1, r.table().sourceLines()[0], "a record is found by the line it starts on");
        assertTrue(r.table().sourceLines()[1] > 10, "the second record starts further down");
    }

    @Test
    void aTopLevelArrayIsRead() throws IOException {
        List<String> lines = new ArrayList<>(List.of("["));
        List<String> records = pretty(3);
        for (int i = 0; i < records.size(); i++) {
            String l = records.get(i);
            lines.add("  " + (l.equals("}") && i < records.size() - 1 ? "}," : l));
        }
        lines.add("]");
        Path f = Files.write(tmp.resolve("array.json"), lines);
        assertEquals(LogFormat.WAF, LogImporter.detect(f));
        ImportResult r = read(f);
        assertEquals(3, r.table().rowCount(), r.report().issues().toString());
        assertEquals(0, r.report().skippedCount());
    }

    @Test
    void aBrokenRecordIsReportedByItsLineAndColumnInOurWordsAndTheNextOneIsRead() throws IOException {
        List<String> lines = pretty(3);
        int second = lines.indexOf("}") + 1; // the second record's first line
        lines.set(second + 2, lines.get(second + 2).replace(",", " ,,")); // a stray comma inside it
        Path f = Files.write(tmp.resolve("broken.json"), lines);
        ImportResult r = new LogImporter().read(f, LogFormat.WAF, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(2, r.table().rowCount(), r.report().issues().toString());
        assertEquals(3, r.report().rowsRead());
        ImportIssue issue = r.report().issues().get(0);
        assertEquals(second + 1, issue.line(), issue.toString());
        assertTrue(issue.detail().startsWith("not valid JSON at line " + (second + 3) + ", column "), issue.detail());
        assertTrue(issue.detail().endsWith("; its remaining lines, up to the next record, go with it"), issue.detail());
        assertTrue(!issue.detail().contains("Source:") && !issue.detail().contains("REDACTED"), "no library internals: " + issue.detail());
    }

    @Test
    void aFileEndingInsideARecordSaysSo() throws IOException {
        List<String> lines = pretty(2);
        Path f = Files.write(tmp.resolve("cut.json"), lines.subList(0, lines.size() - 5));
        ImportResult r = new LogImporter().read(f, LogFormat.WAF, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(1, r.table().rowCount());
        assertEquals("the record is not closed (the file or the record ends too early)", r.report().issues().get(0).detail());
    }
}
