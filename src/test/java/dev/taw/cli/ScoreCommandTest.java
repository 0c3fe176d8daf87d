// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.features.FeatureSet;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ScoreCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }

    @Test
    void writesEveryRowInInputOrderWithScoreAndLabel() throws IOException {
        Path scored = tmp.resolve("scored.csv");
        assertEquals(0, run(TestData.seed().toString(), "--output", scored.toString()));
        List<CSVRecord> rows = read(scored);
        List<CSVRecord> input = read(TestData.seed());
        assertEquals(282, rows.size());
        assertEquals(20, rows.get(0).size());
        assertTrue(Files.readAllLines(scored).get(0).endsWith(",anomaly_score,label,host_score,host_label"));
        for (CSVRecord r : rows) assertEquals("", r.get(18) + r.get(19), "28 hosts are too few for a host forest: no host score");
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 16; c++) assertEquals(input.get(i).get(c), rows.get(i).get(c), "row " + i + " col " + c);
        }
        assertEquals(15, rows.stream().filter(r -> r.get("label").equals("-1")).count());
        assertTrue(rows.stream().allMatch(r -> r.get("label").equals("-1") || r.get("label").equals("1")));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("282 records read, 282 imported, 0 skipped"), text);
        assertTrue(text.contains("Top suspicious source IPs"), text);
        assertTrue(text.contains("155.91.45.242"), text);
        assertTrue(text.contains("Suspicious rows by source country"), text);
    }

    @Test
    void commandLineScoresEqualThePipelinesScoresForTheSameSeed() throws IOException {
        Path scored = tmp.resolve("s.csv");
        assertEquals(0, run(TestData.seed().toString(), "-o", scored.toString(), "--seed", "7", "--trees", "50", "--contamination", "0.1", "-q"));
        AnalysisPipeline p = new AnalysisPipeline();
        Analysis a = p.analyze(p.importFile(TestData.seed(), ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(),
                new ForestSettings(50, 0.1, 7, 256, 0), ProgressListener.NONE, CancelToken.NEVER);
        List<CSVRecord> rows = read(scored);
        for (int i = 0; i < rows.size(); i++) assertEquals(a.scores()[i], Double.parseDouble(rows.get(i).get("anomaly_score")), 0.0);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "--quiet prints nothing");
    }

    @Test
    void formulaCellsAreNeutralised() throws IOException {
        Path scored = tmp.resolve("q.csv");
        assertEquals(0, run(TestData.resource("import/quoted-multiline.csv").toString(), "-o", scored.toString(), "-q"));
        List<CSVRecord> rows = read(scored);
        assertEquals("'=cmd|' /C calc'!A0", rows.get(1).get("rule_names"));
        assertEquals("first line\nsecond line", rows.get(0).get("rule_names"));
    }

    @Test
    void failuresAreOneLineWithNonZeroExitAndNoPartialOutput() throws IOException {
        Path scored = tmp.resolve("keep.csv");
        Files.writeString(scored, "previous result\n");
        assertEquals(1, run(tmp.resolve("missing.csv").toString(), "-o", scored.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("missing.csv: file not found"), e);
        assertFalse(e.contains("Exception"), e);
        assertEquals("previous result\n", Files.readString(scored), "an earlier output is not touched");
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsOneLineAfterTheAnalysis() throws IOException {
        // the CSV is written on its own thread while the hosts are scored: its failure is still this command's
        Path nowhere = Files.writeString(tmp.resolve("a-file"), "not a folder").resolve("scored.csv");
        assertEquals(1, run(TestData.seed().toString(), "-o", nowhere.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("traffic-workbench score: cannot write"), e);
        assertFalse(e.contains("Exception"), e);
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void aWrongGeoIpDatabaseFailsBeforeAnyWork() {
        Path scored = tmp.resolve("g.csv");
        assertEquals(1, run(TestData.seed().toString(), "-o", scored.toString(), "--geoip", TestData.seed().toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("not a MaxMind DB (.mmdb) file"), e);
        assertFalse(Files.exists(scored));
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertEquals(2, run(TestData.seed().toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --output"));
        assertEquals(2, run(TestData.seed().toString(), "-o", "x.csv", "--contamination", "0.9"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("contamination must be between 0.0001 and 0.5"));
        assertEquals(2, run(TestData.seed().toString(), "-o", "x.csv", "--trees", "many"));
        assertEquals(2, run(TestData.seed().toString(), "-o", "x.csv", "--features", "BYTES_IN,NOPE"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown feature 'NOPE'"));
    }

    @Test
    void whereWritesOnlyTheRowsInViewWithTheWholeFilesScoresAndSaysSo() throws IOException {
        Path all = tmp.resolve("all.csv"), view = tmp.resolve("view.csv"), pdf = tmp.resolve("view.pdf");
        assertEquals(0, run(TestData.seed().toString(), "-o", all.toString(), "-q"));
        assertEquals(0, run(TestData.seed().toString(), "-o", view.toString(), "--where", "country=NL", "--where", "label=suspicious", "--report", pdf.toString()));
        List<CSVRecord> every = read(all), some = read(view);
        List<CSVRecord> expected = every.stream().filter(r -> r.get("src_ip_country_code").equals("NL") && r.get("label").equals("-1")).toList();
        assertEquals(expected.size(), some.size());
        assertTrue(some.size() > 0 && some.size() < 18, "NL has 18 rows, some suspicious: " + some.size());
        for (int i = 0; i < some.size(); i++) assertEquals(expected.get(i).toList(), some.get(i).toList(), "same row, same score and label");
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("Wrote " + view + ": " + some.size() + " of 282 rows (view: src_ip_country_code = NL and suspicious only)"), said);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("src_ip_country_code = NL"), text.substring(0, 400));
            String flat = text.replaceAll("\\s+", " ");
            assertTrue(flat.contains("--where src_ip_country_code=NL --where label=suspicious"), "the reproduce line names the view: " + flat);
        }
        assertEquals(2, run(TestData.seed().toString(), "-o", view.toString(), "--where", "colour=red"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--where: unknown field 'colour'"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpNamesEveryFormatAndFeature() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (dev.taw.io.LogFormat f : dev.taw.io.LogFormat.values()) assertTrue(help.contains(f.cliName()), f.name());
        for (dev.taw.features.Feature f : dev.taw.features.Feature.values()) assertTrue(help.contains(f.name()), f.name());
    }

    @Test
    void theReadmeShowsTheHelpAsItIs() throws IOException {
        assertEquals(0, run("--help"));
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(out.toString(StandardCharsets.UTF_8).strip()), "README's CLI block is the --help text");
    }

    @Test
    void helpDocumentsEveryOption() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String opt : List.of("--output", "--report", "--paper", "--geoip", "--contamination", "--trees", "--seed", "--sample-size", "--extension-level", "--features", "--top", "--quiet", "--where", "--format")) {
            assertTrue(help.contains(opt), opt);
        }
    }
}
