// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}: a hosts list (a --hosts file, a job's output folder) made into a PDF read back; mistakes in one line. */
class ReportCommandTest {
    @TempDir static Path tmp;
    static Path hosts;
    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    @BeforeAll
    static void list() {
        hosts = tmp.resolve("vpc-hosts.csv");
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, new ScoreCommand(quiet, System.err).run(new String[] {"sample-data/vpc-flow-sample.log", "-o", tmp.resolve("s.csv").toString(),
            "--hosts", hosts.toString(), "-q"}));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new ReportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aHostsFileBecomesAReportOfItsTopHostsAndWhy() throws IOException {
        Path pdf = tmp.resolve("hosts.pdf");
        assertEquals(0, run(hosts.toString(), "-o", pdf.toString(), "--paper", "letter"));
        List<String> lines = Files.readAllLines(hosts);
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith(String.format("Read %,d hosts (", lines.size() - 1)), said);
        assertTrue(said.contains("Wrote " + pdf + ": all "), said);
        String text = text(pdf);
        String top = lines.get(1).split(",")[1];
        assertTrue(text.contains("Host report") && text.contains(top), text);
        assertTrue(text.contains("Host score distribution") && text.contains("Hosts by source country"), text);
        assertTrue(text.contains("Why these hosts stand out"), text);
        assertFalse(text.contains("What the job did"), "a CLI hosts file has no job report");
    }

    @Test
    void aBadLineIsNamedAndSkippedAndTheRestReported() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(hosts));
        String[] cells = lines.get(2).split(",", -1);
        cells[3] = "abc"; // host_score of the second host
        lines.set(2, String.join(",", cells));
        lines.add("7,only,three");
        Path bad = tmp.resolve("bad-hosts.csv"), pdf = tmp.resolve("bad.pdf");
        Files.write(bad, lines);
        assertEquals(0, run(bad.toString(), "-o", pdf.toString()));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("2 lines skipped, first: bad-hosts.csv:3:4 (host_score): not a number 'abc'"), said);
        assertTrue(text(pdf).contains("2 lines of bad-hosts.csv could not be read"));
    }

    @Test
    void mistakesAreOneLineAndNothingIsOverwritten() throws IOException {
        byte[] before = Files.readAllBytes(hosts);
        assertEquals(1, run(hosts.toString(), "-o", hosts.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("input"), err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(before, Files.readAllBytes(hosts), "the list is never overwritten");
        Path job = Files.createDirectories(tmp.resolve("job"));
        Files.copy(hosts, job.resolve("hosts.csv"));
        Files.writeString(job.resolve("report.txt"), "Read 1 files\n");
        assertEquals(1, run(job.toString(), "-o", job.resolve("report.txt").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("inside the input folder"), err.toString(StandardCharsets.UTF_8));
        assertEquals("Read 1 files\n", Files.readString(job.resolve("report.txt")), "the job's own report is never written over");
        assertEquals(2, run(hosts.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --output"));
        assertEquals(2, run(hosts.toString(), "-o", "x.pdf", "--paper", "a3"));
        assertEquals(1, run("sample-data/vpc-flow-sample.log", "-o", tmp.resolve("no.pdf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a hosts list of the workbench"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("no.pdf")));
        assertEquals(1, run("sample-data/waf-sample.log", "-o", tmp.resolve("no.pdf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("its first line is not a CSV header"), err.toString(StandardCharsets.UTF_8));
        Path broken = tmp.resolve("broken.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(hosts).subList(0, 4));
        lines.set(3, "\"" + lines.get(3).replaceFirst(",", "\"x,")); // a quoted cell with text after its closing quote: not CSV from here on
        Files.write(broken, lines);
        assertEquals(0, run(broken.toString(), "-o", tmp.resolve("broken.pdf").toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 lines skipped, first: broken.csv:4:1: not CSV ("), out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Read 2 hosts"), out.toString(StandardCharsets.UTF_8));
        assertEquals(1, run(tmp.resolve("nothing-here").toString(), "-o", tmp.resolve("no.pdf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file or folder"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run(tmp.toString(), "-o", tmp.resolve("no.pdf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a job's output folder: it has no hosts.csv"), err.toString(StandardCharsets.UTF_8));
        for (String e : err.toString(StandardCharsets.UTF_8).strip().split("\n")) assertTrue(e.startsWith("traffic-workbench report: "), e);
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: traffic-workbench report"));
    }
}
