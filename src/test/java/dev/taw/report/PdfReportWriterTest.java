// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.RowFilter;
import dev.taw.features.FeatureSet;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.table.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reports are read back with PDFBox: the numbers in them must be the findings' numbers. */
class PdfReportWriterTest {
    static Analysis seed;

    @TempDir
    Path tmp;

    @BeforeAll
    static void analyse() {
        AnalysisPipeline p = new AnalysisPipeline();
        seed = p.analyze(p.importFile(TestData.seed(), ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(), ForestSettings.defaults(),
                ProgressListener.NONE, CancelToken.NEVER);
    }

    private Path write(Investigation inv, Paper paper, String name) throws IOException {
        Path pdf = tmp.resolve(name);
        new PdfReportWriter().write(pdf, new ReportModel("CloudWatch_Traffic_Web_Attack.csv", inv, Instant.parse("2026-11-24T12:00:00Z"), paper),
                ProgressListener.NONE, CancelToken.NEVER);
        return pdf;
    }

    @Test
    void theSeedReportStatesTheFindingsAndDrawsEveryChart() throws IOException {
        Investigation inv = Investigation.of(seed, 0.05, List.of());
        Path pdf = write(inv, Paper.A4, "seed.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(7, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("282 read, 282 imported, 0 skipped, 0 numeric cells imputed"), text);
            assertTrue(text.contains("15 of 282 (5.3 %)"));
            assertTrue(text.contains("Top suspicious IP 165.225.240.79 (NL): 6 of 18 rows suspicious"));
            assertTrue(text.replaceAll("\\s+", " ").contains("--trees 100 --contamination 0.05 --host-contamination 0.01 --seed 42"), "enough to reproduce the run");
            assertTrue(!text.contains("--features"), "all features is the default: not spelled out");
            assertTrue(text.contains("Page 1 of 7") && text.contains("Page 7 of 7"));
            assertTrue(text.contains("1. line 215 · 65.49.1.72 · score 0.656 · suspicious"));
            for (String chart : List.of("Normal vs suspicious", "Bytes in vs bytes out", "Score distribution", "Suspicious rows by source country",
                    "Anomalies over time", "By protocol", "By destination port", "By response code")) {
                assertTrue(text.contains(chart), chart);
            }
            assertTrue(text.contains("282 rows: 267 normal, 15 suspicious (5.3 %) at contamination 0.05."), "caption in numbers");
            // the charts are vector drawings: one rectangle per density cell and per suspicious point of the bytes
            // chart, one per non-empty bin of the score histogram (normal and suspicious parts separately)
            var f = inv.findings();
            long cells = java.util.Arrays.stream(f.bytes().normalGrid()).filter(c -> c > 0).count();
            assertTrue(rectangles(doc.getPage(1)) >= cells + f.suspicious(), "bytes chart: " + rectangles(doc.getPage(1)) + " vs " + cells);
            long bins = java.util.Arrays.stream(f.scores().normal()).filter(c -> c > 0).count()
                    + java.util.Arrays.stream(f.scores().suspicious()).filter(c -> c > 0).count();
            long timeBars = f.timeline().stream().filter(b -> b.rows() > b.suspicious()).count() + f.timeline().stream().filter(b -> b.suspicious() > 0).count();
            assertTrue(rectangles(doc.getPage(2)) >= bins + timeBars, "score, country and time charts");
            for (PDFont font : fonts(doc)) assertTrue(font.isEmbedded(), font.getName() + " is embedded");
        }
    }

    @Test
    void letterPaperAndA4() throws IOException {
        Investigation inv = Investigation.of(seed, 0.05, List.of());
        try (PDDocument a4 = Loader.loadPDF(write(inv, Paper.A4, "a4.pdf").toFile());
             PDDocument letter = Loader.loadPDF(write(inv, Paper.LETTER, "letter.pdf").toFile())) {
            assertEquals(PDRectangle.A4.getWidth(), a4.getPage(0).getMediaBox().getWidth(), 0.1);
            assertEquals(PDRectangle.LETTER.getHeight(), letter.getPage(0).getMediaBox().getHeight(), 0.1);
        }
    }

    @Test
    void aFilteredViewIsSaidAndCovered() throws IOException {
        Investigation nl = Investigation.of(seed, 0.05, List.of(new RowFilter.Equals(Role.SRC_IP_COUNTRY_CODE, "NL")));
        try (PDDocument doc = Loader.loadPDF(write(nl, Paper.A4, "nl.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Filtered view"));
            assertTrue(text.contains("(18 of 282 rows)"), text);
            assertTrue(text.contains("src_ip_country_code = NL"));
            assertTrue(text.contains("6 of 18 (33.3 %)"));
            assertFalse(text.contains("65.49.1.72"), "rows outside the filter are not listed");
        }
    }

    @Test
    void hostileAndNonLatinStringsGiveAValidPdf() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestData.seed()).subList(0, 40));
        String[] evil = {"=cmd|' /C calc'!A0", "\u0627\u0644\u0645\u063A\u0631\u0628 \u05E2\u05D1\u05E8\u05D9\u05EA", "\uD83D\uDE00\uD83D\uDD25 emoji",
                "\u4E2D\u56FD \u65E5\u672C \uD55C\uAD6D", "x".repeat(10_000), "tab\tand\u0007bell", "\u202Eright-to-left override"};
        for (int i = 0; i < evil.length; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            f[4] = "203.0.113." + i; // src_ip
            f[5] = "\"" + evil[i].replace("\"", "\"\"") + "\""; // country
            f[10] = "\"" + evil[(i + 3) % evil.length].replace("\"", "\"\"") + "\""; // rule_names
            f[0] = Integer.toString(10 + i); // tiny sessions, so these rows are flagged and printed
            lines.set(i + 1, String.join(",", f));
        }
        Path csv = tmp.resolve("hostile.csv");
        Files.write(csv, lines);
        AnalysisPipeline p = new AnalysisPipeline();
        Analysis a = p.analyze(p.importFile(csv, ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(), ForestSettings.defaults(),
                ProgressListener.NONE, CancelToken.NEVER);
        Path pdf = tmp.resolve("hostile.pdf");
        new PdfReportWriter().write(pdf, new ReportModel("hostile \u202E.csv", Investigation.of(a, 0.2, List.of()), Instant.now(), Paper.A4),
                ProgressListener.NONE, CancelToken.NEVER);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(doc.getNumberOfPages() >= 5);
            assertTrue(text.contains("=cmd|' /C calc'!A0"), "printed as text, harmless in a PDF");
            assertTrue(text.contains("\u4E2D\u56FD"), "CJK through the fallback font");
            assertTrue(text.contains("\u05EA\u05D9\u05E8\u05D1\u05E2") || text.contains("\u05E2\u05D1\u05E8\u05D9\u05EA"), "Hebrew printed");
            assertTrue(text.contains(ReportFonts.MISSING), "emoji the fonts lack become a box, not a crash");
            assertTrue(text.contains("…"), "the 10 kB cell is cut to its column");
        }
    }

    @Test
    void aWafLogsReportShowsVerdictsAndHostReasons() throws IOException {
        AnalysisPipeline p = new AnalysisPipeline();
        Analysis waf = p.analyze(p.importFile(Path.of("sample-data", "waf-sample.log"), ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(),
                ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        Path pdf = tmp.resolve("waf.pdf");
        new PdfReportWriter().write(pdf, new ReportModel("waf-sample.log", Investigation.of(waf, 0.05, List.of()), Instant.now(),
                Paper.A4), ProgressListener.NONE, CancelToken.NEVER);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("By verdict (action)"), "the status chart follows the format");
            assertTrue(text.contains("This file has no bytes columns."), "no byte chart for WAF");
            assertTrue(text.contains("Why these hosts stand out"));
            String words = text.replaceAll("\\s+", " "); // reasons wrap to the column's width
            assertTrue(words.contains("of its traffic denied") && words.contains("of its requests from a tool, not a browser"), "host reasons in words");
            assertTrue(text.replaceAll("\\s+", " ").contains("Number Resource Organization (nro.net), CC BY 4.0"), "GeoIP attribution where it was used");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"waf-sample.log", "cloudfront-sample.log", "vpc-flow-sample.log"})
    void noPageHoldsOnlyTheTailOfAWrappedLine(String sample) throws IOException {
        AnalysisPipeline p = new AnalysisPipeline();
        Analysis a = p.analyze(p.importFile(Path.of("sample-data", sample), ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(),
                ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        Path pdf = tmp.resolve(sample + ".pdf");
        new PdfReportWriter().write(pdf, new ReportModel(sample, Investigation.of(a, 0.05, List.of()), Instant.now(), Paper.A4),
                ProgressListener.NONE, CancelToken.NEVER);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(page);
                one.setEndPage(page);
                long body = one.getText(doc).lines().filter(l -> !l.isBlank() && !l.startsWith("Traffic anomaly report ·") && !l.startsWith("Page ")).count();
                assertTrue(body >= 3, sample + ": page " + page + " has " + body + " line(s) of its own");
            }
        }
    }

    @Test
    void aCancelledReportLeavesNoFile() {
        Path pdf = tmp.resolve("never.pdf");
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        Investigation inv = Investigation.of(seed, 0.05, List.of());
        assertThrows(CancellationException.class, () -> new PdfReportWriter().write(pdf,
                new ReportModel("x.csv", inv, Instant.now(), Paper.A4), ProgressListener.NONE, cancel));
        assertFalse(Files.exists(pdf));
        assertEquals(0, tmp.toFile().list().length, "no temporary file left");
    }

    private static int rectangles(PDPage page) throws IOException {
        int n = 0;
        for (Object token : new PDFStreamParser(page).parse()) {
            if (token instanceof Operator op && op.getName().equals("re")) n++;
        }
        return n;
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> out = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) out.add(page.getResources().getFont(name));
        }
        return out;
    }
}
