// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.read.LineReader;
import dev.taw.job.CancelToken;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {
    private final CsvImporter importer = new CsvImporter();

    @TempDir
    Path tmp;

    @Test
    void seedDatasetImportsEveryRowAndFindsTheNineConstantColumns() {
        ImportResult r = importer.read(TestData.seed());
        Table t = r.table();
        assertEquals(282, t.rowCount());
        assertEquals(16, t.columns().size());
        assertEquals(282, r.report().rowsRead());
        assertEquals(0, r.report().skippedCount());
        assertEquals(List.of("protocol", "response.code", "dst_port", "dst_ip", "rule_names", "observation_name",
                "source.meta", "source.name", "detection_types"), r.report().constantColumns());
        assertEquals("282 rows · 0 skipped · 9 constant columns ignored", r.report().oneLine());
        assertEquals(5602.0, t.number(Role.BYTES_IN).orElseThrow().get(0));
        assertEquals(Instant.parse("2024-04-25T23:10:00Z").toEpochMilli(), t.time(Role.END_TIME).orElseThrow().get(0));
        // repeated strings are stored once: 28 distinct IPs (+ the empty entry)
        assertEquals(29, t.text(Role.SRC_IP).orElseThrow().distinctCount());
        assertEquals(2, t.sourceLines()[0]);
    }

    @Test
    void columnsAreMatchedByNameInAnyOrderIgnoringCaseSpacesAndDots() {
        ImportResult r = importer.read(TestData.resource("import/reordered.csv"));
        Table t = r.table();
        assertEquals(3, t.rowCount());
        assertEquals(List.of(100.0, 150.0, 120.0), boxed(t.number(Role.BYTES_IN).orElseThrow()));
        assertEquals(List.of(200.0, 300.0, 250.0), boxed(t.number(Role.BYTES_OUT).orElseThrow()));
        assertEquals("10.0.0.2", t.text(Role.SRC_IP).orElseThrow().format(1));
        assertEquals(443.0, t.number(Role.DST_PORT).orElseThrow().get(0));
        // unknown columns are carried through as they were
        assertEquals(List.of("Country", "note"), r.report().extraColumns());
        assertEquals("third", t.columns().get(4).format(2));
        assertTrue(r.report().missingOptionalColumns().contains("src_ip_country_code"));
        TimeColumn time = t.time(Role.TIME).orElseThrow();
        assertEquals(Instant.parse("2024-04-25T21:10:00Z").toEpochMilli(), time.get(1), "offset +02:00 converted to UTC");
        assertEquals(Instant.parse("2024-04-25T23:20:00.123Z").toEpochMilli(), time.get(2), "fractions kept");
    }

    @Test
    void aMissingRequiredColumnIsNamed() {
        ImportException e = assertThrows(ImportException.class, () -> importer.read(TestData.resource("import/missing-required.csv")));
        assertTrue(e.getMessage().contains("required column 'bytes_out' is missing"), e.getMessage());
        assertTrue(e.getMessage().startsWith("missing-required.csv:1:"), e.getMessage());
    }

    @Test
    void badRowsAreSkippedWithLineColumnAndReasonAndTheRestIsImported() {
        ImportResult r = importer.read(TestData.resource("import/bad-rows.csv"));
        ImportReport rep = r.report();
        assertEquals(7, rep.rowsRead());
        assertEquals(3, rep.rowsImported());
        assertEquals(4, rep.skippedCount());
        assertEquals(1, rep.blankLines());
        List<ImportIssue> issues = rep.issues();
        assertEquals(List.of(3L, 4L, 5L, 6L), issues.stream().map(ImportIssue::line).toList());
        assertEquals(List.of(Reason.NOT_A_NUMBER, Reason.FIELD_COUNT, Reason.BAD_TIMESTAMP, Reason.UNTERMINATED_QUOTE),
                issues.stream().map(ImportIssue::reason).toList());
        assertEquals("bytes_in", issues.get(0).column());
        assertTrue(issues.get(0).toString().startsWith("bad-rows.csv:3: column 'bytes_in': NOT_A_NUMBER — expected a number, found \"12k\""),
                issues.get(0).toString());
        assertTrue(issues.get(1).detail().contains("expected 16 fields, found 9"));
        assertEquals("creation_time", issues.get(2).column());
        // the unterminated quote cost only its own line: lines 7 and 9 were read again and imported
        Table t = r.table();
        assertEquals(List.of(2, 7, 9), List.of(t.sourceLines()[0], t.sourceLines()[1], t.sourceLines()[2]));
        assertEquals(1L, rep.imputedCount());
        NumberColumn in = t.number(Role.BYTES_IN).orElseThrow();
        assertTrue(in.isMissing(1));
        assertEquals(6301.0, in.get(1), "imputed with the median of 5602 and 7000 …");
        assertEquals("", in.format(1), "… and exported empty, as it came");
        assertEquals("", in.format(1));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() {
        ImportResult bad = importer.read(TestData.resource("import/bad-rows.csv"));
        Table t = bad.table();
        assertEquals("Côte \"d'Ivoire\"", t.text(Role.SRC_IP_COUNTRY_CODE).orElseThrow().format(2));
        assertEquals("Rule A, Rule B", t.text(Role.RULE_NAMES).orElseThrow().format(2));
        // epoch seconds, epoch milliseconds and "date time" without a zone (UTC) all parse
        assertEquals(1714086000000L, t.time(Role.CREATION_TIME).orElseThrow().get(2));
        assertEquals(1714086600000L, t.time(Role.END_TIME).orElseThrow().get(2));
        assertEquals(Instant.parse("2024-04-25T23:00:00Z").toEpochMilli(), t.time(Role.TIME).orElseThrow().get(2));

        ImportResult multi = importer.read(TestData.resource("import/quoted-multiline.csv"));
        assertEquals(2, multi.table().rowCount());
        assertEquals("first line\nsecond line", multi.table().text(Role.RULE_NAMES).orElseThrow().format(0));
        assertEquals(4, multi.table().sourceLines()[1], "the multi-line record took lines 2 and 3");
    }

    @Test
    void utf8BomAndCrlfAreHandled() {
        ImportResult r = importer.read(TestData.resource("import/bom-crlf.csv"));
        assertEquals(2, r.table().rowCount());
        assertTrue(r.table().number(Role.BYTES_IN).isPresent(), "BOM must not stick to the first header");
        assertEquals("w", r.table().text(Role.DETECTION_TYPES).orElseThrow().format(1), "no stray CR");
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws IOException {
        Path gz = tmp.resolve("seed.csv.gz");
        Path noSuffix = tmp.resolve("seed-export.dat");
        gzip(TestData.seed(), gz);
        Files.copy(gz, noSuffix);
        assertEquals(282, importer.read(gz).table().rowCount());
        assertEquals(282, importer.read(noSuffix).table().rowCount());
    }

    @Test
    void aTruncatedGzipKeepsTheRowsReadAndWarns() throws IOException {
        Path gz = tmp.resolve("seed.csv.gz");
        gzip(TestData.seed(), gz);
        byte[] all = Files.readAllBytes(gz);
        Path cut = tmp.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length * 2 / 3));
        ImportResult r = importer.read(cut);
        assertTrue(r.table().rowCount() > 50 && r.table().rowCount() < 282, "rows: " + r.table().rowCount());
        assertEquals(1, r.report().warnings().size());
        assertTrue(r.report().warnings().get(0).startsWith("TRUNCATED_FILE"));
    }

    @Test
    void hopelessFilesGiveOneClearLine() throws IOException {
        assertMessage(TestData.resource("import/empty.csv"), "empty.csv: the file is empty");
        assertMessage(TestData.resource("import/header-only.csv"), "header-only.csv: has a header but no data rows");
        assertMessage(tmp.resolve("nope.csv"), tmp.resolve("nope.csv") + ": file not found");
        Path bin = tmp.resolve("picture.csv");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
        assertMessage(bin, "picture.csv: not a text file (binary content at byte 4); expected a CSV export or a .csv.gz");
        assertMessage(tmp, tmp + ": is a folder, not a file");
    }

    @Test
    void aLineLongerThanOneMebibyteIsOneErrorNotAnOutOfMemory() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestData.seed()).subList(0, 4));
        lines.add(2, "1," + "9".repeat(LineReader.MAX_LINE_BYTES + 10));
        Path f = tmp.resolve("long.csv");
        Files.write(f, lines);
        ImportResult r = importer.read(f);
        assertEquals(3, r.table().rowCount());
        assertEquals(Reason.LINE_TOO_LONG, r.report().issues().get(0).reason());
        assertEquals(3, r.report().issues().get(0).line());
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        List<long[]> seen = new ArrayList<>();
        importer.read(TestData.seed(), (stage, done, total) -> seen.add(new long[] {done, total}), CancelToken.NEVER);
        assertFalse(seen.isEmpty());
        long size = seen.get(seen.size() - 1)[1];
        assertEquals(size, seen.get(seen.size() - 1)[0], "ends at 100 %");
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        assertThrows(CancellationException.class, () -> importer.read(TestData.seed(), (s, d, t) -> { }, cancel));
    }

    @Test
    void invalidUtf8IsReplacedNotFatalAndValidUtf8IsKept() throws IOException {
        List<String> seed = Files.readAllLines(TestData.seed()).subList(0, 3);
        byte[] header = (seed.get(0) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] good = (seed.get(1).replace(",AE,", ",Ελλάδα,") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = (seed.get(2).replace(",US,", ",X\u0001Y,") + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bad.length; i++) if (bad[i] == 1) bad[i] = (byte) 0xFF; // not UTF-8
        Path f = tmp.resolve("mixed.csv");
        Files.write(f, java.nio.ByteBuffer.allocate(header.length + good.length + bad.length).put(header).put(good).put(bad).array());
        Table t = importer.read(f).table();
        assertEquals(2, t.rowCount());
        assertEquals("Ελλάδα", t.text(Role.SRC_IP_COUNTRY_CODE).orElseThrow().format(0));
        assertEquals("X\uFFFDY", t.text(Role.SRC_IP_COUNTRY_CODE).orElseThrow().format(1));
    }

    @Test
    void textIsDictionaryEncoded() {
        TextColumn meta = importer.read(TestData.seed()).table().text(Role.SOURCE_META).orElseThrow();
        assertEquals(2, meta.distinctCount(), "the empty entry and AWS_VPC_Flow");
        assertTrue(meta.isConstant());
    }

    @Test
    void plainQuotedAndNonAsciiLinesGiveTheSameCells() throws IOException {
        Path f = Files.writeString(tmp.resolve("mixed.csv"), String.join("\n",
                "bytes_in,bytes_out,src_ip,note",
                " 100 ,200,203.0.113.7, web ",                 // plain ASCII: split as bytes
                "NA,-,203.0.113.7,\"web\"",                    // a quote: parsed by Commons CSV
                "300,400,203.0.113.7,web café",                 // not ASCII: split as text
                "12k,1,203.0.113.8,web",                         // a bad number on the byte path
                "500,600,\"203.0.113.7\",web") + "\n", StandardCharsets.UTF_8);
        ImportResult r = importer.read(f);
        Table t = r.table();
        assertEquals(4, t.rowCount());
        TextColumn ip = t.text(Role.SRC_IP).orElseThrow();
        assertEquals(2, ip.distinctCount(), "one code for the address, whichever path read it (plus the empty value)");
        assertEquals(List.of("web", "web", "web café", "web"), List.of(t.column("note").orElseThrow().format(0), t.column("note").orElseThrow().format(1),
                t.column("note").orElseThrow().format(2), t.column("note").orElseThrow().format(3)));
        NumberColumn in = t.number(Role.BYTES_IN).orElseThrow();
        assertEquals(100.0, in.get(0), "spaces around a number are not part of it");
        assertTrue(in.isMissing(1) && t.number(Role.BYTES_OUT).orElseThrow().isMissing(1), "NA and - are missing on the quoted path too");
        ImportIssue bad = r.report().issues().get(0);
        assertEquals(5, bad.line());
        assertTrue(bad.toString().contains("found \"12k\"") && bad.toString().contains("12k,1,203.0.113.8,web"), bad.toString());
    }

    private void assertMessage(Path file, String expected) {
        ImportException e = assertThrows(ImportException.class, () -> importer.read(file));
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            out.write(Files.readString(from, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<Double> boxed(NumberColumn c) {
        List<Double> l = new ArrayList<>();
        for (double v : c.values()) l.add(v);
        return l;
    }
}
