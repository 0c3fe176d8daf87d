// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.analysis.Analysis;
import dev.taw.cli.ScoreCommand;
import dev.taw.cli.TrainCommand;
import dev.taw.io.ImportResult;
import dev.taw.io.TableUnion;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode, against the desktop on the same files and model: the same score for every row to
 * the bit, the same hosts in the same order as the CLI's {@code --hosts}; only the window's days read; bad lines
 * counted and reported; the same seed, the same sample and output, however the log is cut.
 */
class ScoreJobTest {
    @TempDir static Path tmp;
    static Path model;
    static Path all;     // three days of flow logs, AWS's key layout; one day outside the window, and a file that is not a log
    static Path window;  // the same files of the window's two days only: what the desktop opens

    @BeforeAll
    static void logs() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "vpc-flow-sample.log"));
        String header = lines.get(0);
        model = tmp.resolve("vpc.model");
        assertEquals(0, new TrainCommand(quiet(), System.err).run(new String[] {"sample-data/vpc-flow-sample.log", "--model", model.toString(), "-q"}));
        all = tmp.resolve("all");
        window = tmp.resolve("window");
        String prefix = "AWSLogs/111122223333/vpcflowlogs/us-east-1/";
        List<String> body = lines.subList(1, lines.size());
        int third = body.size() / 3;
        for (Path root : List.of(all, window)) {
            write(root.resolve(prefix + "2024/04/26/a_20240426T0000Z_1.log"), header, body.subList(0, third), null);
            // a bad line among good ones: counted, reported, skipped; the file's other rows still scored
            write(root.resolve(prefix + "2024/04/26/a_20240426T0100Z_2.log"), header, body.subList(third, 2 * third), "5 111122223333 eni-x not-an-address");
            write(root.resolve(prefix + "2024/04/27/a_20240427T0000Z_3.log"), header, body.subList(2 * third, body.size()), null);
        }
        // outside the window: were it read, its garbage would be reported as a file that is not a log
        Files.createDirectories(all.resolve(prefix + "2024/04/28"));
        Files.writeString(all.resolve(prefix + "2024/04/28/a_20240428T0000Z_4.log"), "this is not a flow log\n");
    }

    private static void write(Path f, String header, List<String> rows, String bad) throws IOException {
        Files.createDirectories(f.getParent());
        List<String> out = new ArrayList<>(List.of(header));
        out.addAll(rows.subList(0, rows.size() / 2));
        if (bad != null) out.add(bad);
        out.addAll(rows.subList(rows.size() / 2, rows.size()));
        Files.write(f, out);
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Test
    void scoresAndHostsAreTheDesktopsToTheBit() throws IOException {
        Path out = tmp.resolve("job");
        JobSummary s = ScoreJob.run(SparkTests.session(), JobOptions.parse(new String[] {all.toString(), "--output", out.toString(), "--model",
                model.toString(), "--from", "2024-04-26", "--to", "2024-04-27", "--partitions", "3"}));
        assertEquals(3, s.listing().files().size(), "the day outside the window is not listed for reading");
        assertEquals(1, s.listing().outsideWindow());
        assertTrue(s.files().notLogs().isEmpty(), "the file outside the window was never opened: " + s.files().notLogs());
        assertEquals(1, s.files().skipped());
        String report = Files.readString(out.resolve("report.txt"));
        assertTrue(report.contains("2024/04/26/a_20240426T0100Z_2.log:"), report);
        assertEquals(s.records(), SparkTests.session().read().parquet(out.resolve("records").toString()).count());
        assertSameAsTheDesktop(out, model);

        // back on the desktop: the job's folder opened as a hosts list and made into a PDF report
        dev.taw.hostlist.HostList list = dev.taw.pipeline.HostLists.open(out, new CancelToken());
        assertEquals(Files.readAllLines(out.resolve("hosts.csv")).size() - 1, list.hosts().size());
        assertEquals(0, list.skippedCount());
        assertEquals("vpc.model", list.model().getFileName().toString());
        assertTrue(list.job().get(0).startsWith("Read 3 files (1 outside the window not read)"), list.job().toString());
        Path pdf = tmp.resolve("job-report.pdf");
        assertEquals(0, new dev.taw.cli.ReportCommand(quiet(), System.err).run(new String[] {out.toString(), "-o", pdf.toString()}));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("What the job did") && text.contains("Read 3 files"), text);
            assertTrue(text.contains(list.hosts().get(0).ip()), "the top host: " + text);
        }
    }

    /** Every connection's score equals the desktop's on the window's folder with {@code m}, and hosts.csv the CLI's --hosts. */
    private static void assertSameAsTheDesktop(Path out, Path m) throws IOException {
        // the desktop: the window's folder, judged by the same model
        AnalysisPipeline desktop = new AnalysisPipeline().withBaseline(AnalysisPipeline.loadModel(m), m.getFileName().toString());
        ImportResult imported = desktop.importFile(window, ProgressListener.NONE, new CancelToken());
        Analysis a = desktop.analyze(imported, null, AnalysisPipeline.loadModel(m).settings(null, null), ProgressListener.NONE, new CancelToken());
        Table t = a.table();
        TextColumn file = (TextColumn) t.column(TableUnion.SOURCE_FILE).orElseThrow();
        Map<String, Double> expected = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) expected.put(file.format(r) + ":" + t.sourceLines()[r], a.scores()[r]);

        List<Row> rows = SparkTests.session().read().parquet(out.resolve("records").toString())
                .select("source_file", "source_line", "anomaly_score").collectAsList();
        assertEquals(t.rowCount(), rows.size(), "one output row per connection the desktop has");
        int same = 0;
        for (Row r : rows) {
            Double want = expected.get(r.getString(0) + ":" + ((Number) r.get(1)).intValue());
            assertTrue(want != null, "a row the desktop does not have: " + r);
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(r.getDouble(2)), "score of " + r);
            same++;
        }
        assertEquals(t.rowCount(), same);

        // the hosts: the CLI's --hosts of the same folder and model, line for line but the ranks of tied hosts
        Path cliHosts = tmp.resolve("cli-hosts-" + m.getFileName() + ".csv");
        assertEquals(0, new ScoreCommand(quiet(), System.err).run(new String[] {window.toString(), "--model", m.toString(), "-o",
                tmp.resolve("cli-" + m.getFileName() + ".csv").toString(), "--hosts", cliHosts.toString(), "-q"}));
        List<String> cli = Files.readAllLines(cliHosts), job = Files.readAllLines(out.resolve("hosts.csv"));
        assertEquals(cli.get(0), job.get(0), "the same columns");
        assertEquals(cli.size(), job.size(), "every host");
        assertEquals(withoutRank(cli), withoutRank(job), "the same hosts, each with the same score, traits and reasons");
        int score = List.of(cli.get(0).split(",")).indexOf("host_score");
        for (int i = 1; i < cli.size(); i++) {
            assertEquals(cli.get(i).split(",")[score], job.get(i).split(",")[score], "the host score at rank " + i);
        }
        assertFalse(job.get(1).isBlank());
    }

    /**
     * With a model that counts hosts within ten-minute windows, the job counts them so too: each address's rows are
     * in one task, and the windows are cut at the same UTC instants in every task. A job that fits its own model
     * keeps the window it was given in that model; a given model's window is not the command line's to change.
     */
    @Test
    void contextWindowsAreCountedAsOnTheDesktop() throws IOException {
        Path windowed = tmp.resolve("vpc-10m.model");
        assertEquals(0, new TrainCommand(quiet(), System.err).run(new String[] {"sample-data/vpc-flow-sample.log", "--model", windowed.toString(),
                "--context-window", "10m", "-q"}));
        Path out = tmp.resolve("job-10m");
        ScoreJob.run(SparkTests.session(), JobOptions.parse(new String[] {all.toString(), "--output", out.toString(), "--model", windowed.toString(),
                "--from", "2024-04-26", "--to", "2024-04-27", "--partitions", "3"}));
        List<String> hosts = Files.readAllLines(out.resolve("hosts.csv"));
        assertTrue(hosts.get(0).startsWith("rank,src_ip,window_start,country,"), hosts.get(0));
        assertTrue(hosts.get(1).split(",")[2].matches("2024-04-2\\dT\\d\\d:[0-5]0:00Z"), hosts.get(1));
        assertSameAsTheDesktop(out, windowed);

        Path fitted = tmp.resolve("fit-10m");
        ScoreJob.run(SparkTests.session(), JobOptions.parse(new String[] {window.toString(), "--output", fitted.toString(), "--sample-rows", "3000",
                "--context-window", "10m", "--partitions", "2"}));
        assertEquals(600_000L, AnalysisPipeline.loadModel(fitted.resolve(Sample.MODEL)).trained().settings().contextWindow());
        assertTrue(Files.readAllLines(fitted.resolve("hosts.csv")).get(0).contains(",window_start,"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> JobOptions.parse(new String[] {
            all.toString(), "--output", "x", "--model", windowed.toString(), "--context-window", "1d"}));
        assertTrue(e.getMessage().contains("the model's"), e.getMessage());
    }

    /** Each host's line without its rank, sorted: hosts that tie on score and suspicious rows may come in either order. */
    private static List<String> withoutRank(List<String> lines) {
        return lines.stream().skip(1).map(l -> l.substring(l.indexOf(',') + 1)).sorted().toList();
    }

    @Test
    void theSameSeedGivesTheSameSampleModelAndScoresHoweverTheLogIsCut() throws IOException {
        Path one = tmp.resolve("fit1"), two = tmp.resolve("fit2");
        ScoreJob.run(SparkTests.session(), JobOptions.parse(new String[] {window.toString(), "--output", one.toString(), "--sample-rows", "3000",
                "--seed", "7", "--partitions", "2"}));
        ScoreJob.run(SparkTests.session(), JobOptions.parse(new String[] {window.toString(), "--output", two.toString(), "--sample-rows", "3000",
                "--seed", "7", "--partitions", "5"}));
        assertTrue(Files.size(one.resolve(Sample.MODEL)) > 0);
        Map<String, Double> a = scores(one), b = scores(two);
        assertEquals(a, b, "the same seed: the same hosts sampled, the same forest, the same scores");
        assertEquals(Files.readAllLines(one.resolve("hosts.csv")), Files.readAllLines(two.resolve("hosts.csv")));
    }

    /**
     * Empty numbers are filled with the median of the whole log, as a folder's are, not with the median of the part
     * a row lands in: two CSV exports whose byte counts differ by a factor of a hundred, with cells left empty in both.
     */
    @Test
    void emptyNumbersAreFilledAsTheWholeFolderFillsThem() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "web-traffic-sample.csv"));
        Path folder = tmp.resolve("csv");
        Files.createDirectories(folder);
        for (int f = 0; f < 2; f++) {
            List<String> out = new ArrayList<>(List.of(lines.get(0)));
            for (int i = 1 + f; i < lines.size(); i += 2) {
                String l = lines.get(i);
                if (f == 1) l = l.replaceFirst("^(\\d+),", "$100,"); // the second file's bytes_in a hundred times the first's
                if (i % 7 == 0) l = l.replaceFirst("^\\d+,", ","); // and some cells empty in both
                out.add(l);
            }
            Files.write(folder.resolve("export-" + f + ".csv"), out);
        }
        Path csvModel = tmp.resolve("csv.model");
        assertEquals(0, new TrainCommand(quiet(), System.err).run(new String[] {"sample-data/web-traffic-sample.csv", "--model", csvModel.toString(), "-q"}));
        Path out = tmp.resolve("csv-job");
        ScoreJob.run(SparkTests.session(), JobOptions.parse(new String[] {folder.toString(), "--output", out.toString(), "--model", csvModel.toString(),
                "--partitions", "4"}));
        AnalysisPipeline desktop = new AnalysisPipeline().withBaseline(AnalysisPipeline.loadModel(csvModel), "csv.model");
        ImportResult imported = desktop.importFile(folder, ProgressListener.NONE, new CancelToken());
        assertTrue(imported.report().imputedByColumn().getOrDefault("bytes_in", 0) > 0 || imported.table().number(dev.taw.table.Role.BYTES_IN)
                .orElseThrow().missingCount() > 0, "the folder has empty bytes_in cells");
        Analysis a = desktop.analyze(imported, null, AnalysisPipeline.loadModel(csvModel).settings(null, null), ProgressListener.NONE, new CancelToken());
        Table t = a.table();
        TextColumn file = (TextColumn) t.column(TableUnion.SOURCE_FILE).orElseThrow();
        Map<String, Double> want = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) want.put(file.format(r) + ":" + t.sourceLines()[r], a.scores()[r]);
        Map<String, Double> got = scores(out);
        assertEquals(want.keySet(), got.keySet());
        List<String> differ = want.keySet().stream().filter(k -> !want.get(k).equals(got.get(k))).sorted().toList();
        assertEquals(List.of(), differ.subList(0, Math.min(5, differ.size())), differ.size() + " rows score otherwise, empty cells filled as the folder fills them");
    }

    /**
     * VPC flow logs delivered as Parquet, as AWS writes them (underscored field names, numbers as numbers), score
     * as the same records in the text format do: record for record, host for host.
     */
    @Test
    void parquetFlowLogsScoreAsTheirTextDoes() throws IOException {
        var spark = SparkTests.session();
        var text = spark.read().option("delimiter", " ").option("header", "true").csv("sample-data/vpc-flow-sample.log");
        for (String c : text.columns()) {
            String typed = switch (c) {
                case "version", "srcport", "dstport", "protocol", "tcp-flags" -> "int";
                case "packets", "bytes", "start", "end" -> "bigint";
                default -> "string";
            };
            text = text.withColumn(c, text.col("`" + c + "`").cast(typed)).withColumnRenamed(c, c.replace('-', '_'));
        }
        Path written = tmp.resolve("pq-write");
        text.coalesce(1).write().parquet(written.toString());
        Path day = Files.createDirectories(tmp.resolve("pq/AWSLogs/111122223333/vpcflowlogs/us-east-1/2024/04/26"));
        try (var parts = Files.list(written)) {
            Path part = parts.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.move(part, day.resolve("111122223333_vpcflowlogs_us-east-1_fl-0abc_20240426T0000Z_1a2b3c4d.log.parquet"));
        }
        Path fromParquet = tmp.resolve("pq-job"), fromText = tmp.resolve("text-job");
        JobSummary pq = ScoreJob.run(spark, JobOptions.parse(new String[] {tmp.resolve("pq").toString(), "--output", fromParquet.toString(), "--model",
                model.toString(), "--from", "2024-04-26"}));
        ScoreJob.run(spark, JobOptions.parse(new String[] {"sample-data/vpc-flow-sample.log", "--output", fromText.toString(), "--model", model.toString()}));
        assertEquals(11_194, pq.files().imported(), "every record of the Parquet file");
        Map<Integer, Double> a = byLine(fromParquet), b = byLine(fromText);
        assertEquals(b.size(), a.size());
        assertEquals(b, a, "the same score for the same record");
        assertEquals(Files.readAllLines(fromText.resolve("hosts.csv")), Files.readAllLines(fromParquet.resolve("hosts.csv")));
    }

    /**
     * Logs we did not write (Vector's VRL parser tests, the AWS guides' examples; see the READMEs beside them),
     * judged by models of our samples: the job's score for every row is the desktop's.
     */
    @Test
    void realPublicSamplesScoreAsOnTheDesktop() throws IOException {
        String[][] cases = {{"vrl/alb-vrl.log", "alb-access-sample.log"}, {"vrl/vpc-v5.log", "vpc-flow-sample.log"},
                {"aws-docs/waf-log-examples.log", "waf-sample.log"}, {"aws-docs/cloudfront-log-examples.log", "cloudfront-sample.log"}};
        for (String[] c : cases) {
            Path log = Path.of("src/test/resources/thirdparty", c[0]), m = tmp.resolve(c[1] + ".model");
            assertEquals(0, new TrainCommand(quiet(), System.err).run(new String[] {"sample-data/" + c[1], "--model", m.toString(), "-q"}));
            AnalysisPipeline desktop = new AnalysisPipeline().withBaseline(AnalysisPipeline.loadModel(m), m.getFileName().toString());
            ImportResult imported = desktop.importFile(log, ProgressListener.NONE, new CancelToken());
            Analysis a = desktop.analyze(imported, null, AnalysisPipeline.loadModel(m).settings(null, null), ProgressListener.NONE, new CancelToken());
            Map<Integer, Double> want = new HashMap<>();
            for (int r = 0; r < a.table().rowCount(); r++) want.put(a.table().sourceLines()[r], a.scores()[r]);
            Path out = tmp.resolve("public-" + log.getFileName());
            ScoreJob.run(SparkTests.session(), JobOptions.parse(new String[] {log.toString(), "--output", out.toString(), "--model", m.toString()}));
            assertEquals(want, byLine(out), c[0]);
        }
    }

    private static Map<Integer, Double> byLine(Path out) {
        Map<Integer, Double> m = new HashMap<>();
        for (Row r : SparkTests.session().read().parquet(out.resolve("records").toString()).select("source_line", "anomaly_score").collectAsList()) {
            m.put(((Number) r.get(0)).intValue(), r.getDouble(1));
        }
        return m;
    }

    private static Map<String, Double> scores(Path out) {
        Map<String, Double> m = new HashMap<>();
        for (Row r : SparkTests.session().read().parquet(out.resolve("records").toString()).select("source_file", "source_line", "anomaly_score")
                .collectAsList()) {
            m.put(r.getString(0) + ":" + ((Number) r.get(1)).intValue(), r.getDouble(2));
        }
        return m;
    }
}
