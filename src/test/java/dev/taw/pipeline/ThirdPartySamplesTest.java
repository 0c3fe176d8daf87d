// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.cli.ScoreCommand;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines another project ships as its parser's test data (Vector's VRL, MPL-2.0) and the AWS documentation's own
 * examples (see the README beside each set), read as those expect them read: every record imported, the fields
 * where VRL and AWS put them.
 */
class ThirdPartySamplesTest {
    private static final Path VRL = Path.of("src", "test", "resources", "thirdparty", "vrl");

    @TempDir
    Path tmp;

    @Test
    void everyAlbLineOfVrlsSuiteIsReadAndItsMicrosecondsComeBackOut() throws Exception {
        Path scored = tmp.resolve("alb.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = new ScoreCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {VRL.resolve("alb-vrl.log").toString(), "-o", scored.toString(), "--top", "0"});
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("13 records read, 13 imported, 0 skipped"), out.toString(StandardCharsets.UTF_8));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(scored)).getRecords();
        assertEquals(13, rows.size());
        // VRL: "time": "2018-07-02T22:23:00.186641Z", "client_host": "192.168.131.39:2817", "request_processing_time": 0.0
        assertEquals("2018-07-02T22:23:00.186641Z", rows.get(0).get("time"), "the log's microseconds, not cut to milliseconds");
        assertEquals("2018-07-02T22:22:48.364Z", rows.get(0).get("request_creation_time"));
        assertEquals("192.168.131.39", rows.get(0).get("src_ip"));
        assertEquals("34", rows.get(0).get("bytes_in"));
        assertEquals("366", rows.get(0).get("bytes_out"));
        // the -1 timings of a request the ALB could not route are "not measured", and its malformed request string is kept
        CSVRecord unrouted = rows.get(8);
        assertEquals("113.241.19.90", unrouted.get("src_ip"));
        assertEquals("", unrouted.get("request_processing_time"));
        // (a cell that starts with '-' is neutralised with a leading ' so that no spreadsheet runs it as a formula)
        assertEquals("'- http://awseb-awseb-1kgu6fbag3fad-640112591.us-east-1.elb.amazonaws.com:80- -", unrouted.get("request"));
        // IPv6 client and target, "address:port" without brackets
        assertEquals("2601:6bbc:c529:9dad:6bbc:c529:9dad:6bbc", rows.get(10).get("src_ip"));
        assertEquals("fd6d:6bbc:c529:6::face:ed83:f46", rows.get(10).get("dst_ip"));
        assertEquals("443", rows.get(10).get("dst_port"), "the port the client asked for (https://…:443), not the target's");
        assertEquals("fd6d:6bbc:c529:6::face:ed83:f46:80", rows.get(10).get("target:port"));
    }

    @Test
    void everyVpcLineOfVrlsSuiteIsRead() {
        AnalysisPipeline p = new AnalysisPipeline().withFlows(dev.taw.io.FlowView.RECORDS);
        Table v2 = read(p, "vpc-default.log", 1);
        assertEquals("172.31.16.139", text(v2, "srcaddr", 0));
        assertEquals("4249", text(v2, "bytes", 0));
        Table v3 = read(p, "vpc-v3.log", 1);
        assertEquals("52.213.180.42", text(v3, "pkt-srcaddr", 0), "underscored header names read as AWS's hyphens");
        assertEquals("568", text(v3, "bytes", 0));
        Table v5 = read(p, "vpc-v5.log", 1);
        assertEquals("S3", text(v5, "pkt-src-aws-service", 0));
        assertEquals("15044", text(v5, "bytes", 0));
        assertEquals("52.95.128.179", v5.column(Role.SRC_IP).orElseThrow().format(0), "ingress: the outside address is the source");
        Table v11 = read(p, "vpc-v11.log", 1);
        assertEquals("BPA", text(v11, "reject-reason", 0), "a field newer than our catalogue is kept");
        assertEquals("nat_gateway", text(v11, "interface-type", 0));
        Table nat = read(p, "vpc-nat.log", 1);
        assertEquals("203.0.113.5", text(nat, "pkt-dstaddr", 0));
    }

    @Test
    void theAwsDocumentationsPrettyPrintedWafExamplesAreReadOneRecordEach() {
        Table t = read(new AnalysisPipeline(), Path.of("src", "test", "resources", "thirdparty", "aws-docs", "waf-log-examples.log"), 6);
        assertEquals("1.1.1.1", t.column(Role.SRC_IP).orElseThrow().format(0));
        assertEquals("2019-12-13T23:40:12.771Z", t.column("timestamp").orElseThrow().format(0));
        assertEquals("STMTest_SQLi_XSS", t.column(Role.RULE_NAMES).orElseThrow().format(0));
        // each record is known by the line its object opens on, in the file as pasted
        java.util.List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("src", "test", "resources", "thirdparty", "aws-docs", "waf-log-examples.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int r = 0; r < 6; r++) assertEquals("{", lines.get(t.sourceLines()[r] - 1).strip(), "record " + r + " starts at its own '{'");
    }

    @Test
    void theAwsDocumentationsCloudFrontExampleIsReadTrailingTabAndAll() {
        Table t = read(new AnalysisPipeline(), Path.of("src", "test", "resources", "thirdparty", "aws-docs", "cloudfront-log-examples.log"), 6);
        assertEquals("192.0.2.100", t.column(Role.SRC_IP).orElseThrow().format(2), "the record with a trailing TAB");
        assertEquals("2019-12-04T21:02:31Z", t.column("time").orElseThrow().format(2));
        assertEquals("502", t.column(Role.RESPONSE_CODE).orElseThrow().format(3));
        assertEquals("curl/7.55.1", t.column("cs(User-Agent)").orElseThrow().format(5));
    }

    private static Table read(AnalysisPipeline p, String file, int rows) {
        return read(p, VRL.resolve(file), rows);
    }

    private static Table read(AnalysisPipeline p, Path path, int rows) {
        String file = path.getFileName().toString();
        ImportResult r = p.importFile(path, LogFormat.AUTO, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(rows, r.table().rowCount(), file + ": " + r.report().describe());
        assertEquals(0, r.report().skippedCount(), file + ": " + r.report().issues());
        return r.table();
    }

    private static String text(Table t, String column, int row) {
        Column c = t.column(column).orElse(null);
        if (c == null) throw new AssertionError("no column " + column + " among " + t.columns().stream().map(Column::name).toList());
        return c.format(row);
    }
}
