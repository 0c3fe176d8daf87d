// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

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
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VPC Flow Log fixtures of the log-format notes (§2.3, §2.4, §8). */
class VpcFlowImporterTest {
    @TempDir
    Path tmp;

    @Test
    void defaultFormatWithHeaderSkipsNoDataAndOrientsByTheVpcSide() {
        ImportResult r = importLog(TestData.resource("vpc/default-v2-with-header.log"));
        Table t = r.table();
        assertEquals("VPC flow [header, 14 fields]", r.report().format());
        assertEquals(6, r.report().rowsRead());
        assertEquals(4, t.rowCount(), "NODATA and SKIPDATA are not traffic");
        assertTrue(r.report().warnings().get(0).startsWith("1 NODATA and 1 SKIPDATA records (no traffic) counted, not imported"));
        // 203.0.113.45 → 10.0.1.20:443, 4380 bytes: inbound, so bytes_in, never bytes_out
        assertEquals("203.0.113.45", t.text(Role.SRC_IP).orElseThrow().format(0));
        assertEquals("10.0.1.20", t.text(Role.DST_IP).orElseThrow().format(0));
        assertEquals(4380.0, t.number(Role.BYTES_IN).orElseThrow().get(0));
        assertEquals(0.0, t.number(Role.BYTES_OUT).orElseThrow().get(0));
        assertEquals(443.0, t.number(Role.DST_PORT).orElseThrow().get(0));
        assertEquals("TCP", t.text(Role.PROTOCOL).orElseThrow().format(0));
        assertEquals("ingress (inferred)", cell(t, "direction", 0));
        assertEquals("REJECT", t.column(Role.VERDICT).orElseThrow().format(1));
        assertTrue(t.column(Role.RESPONSE_CODE).isEmpty(), "an action is a verdict, not an HTTP status");
        assertEquals(3389.0, t.number(Role.DST_PORT).orElseThrow().get(1));
        assertEquals("ICMP", t.text(Role.PROTOCOL).orElseThrow().format(3));
        assertEquals(1714086000000L, t.time(Role.TIME).orElseThrow().get(0));
        assertEquals("default-v2-with-header.log", cell(t, "source_file", 0));
        assertEquals("2", cell(t, "source_line", 0), "each row leads back to its line");
        assertEquals(5, t.sourceLines()[3]);
    }

    @Test
    void customV5UsesFlowDirectionAndPacketAddresses() {
        Table t = importLog(TestData.resource("vpc/custom-v5.log")).table();
        assertEquals(3, t.rowCount());
        // egress reply 10.0.1.20:443 → 203.0.113.45: the outside host is the source, the bytes went out
        assertEquals("203.0.113.45", t.text(Role.SRC_IP).orElseThrow().format(1));
        assertEquals(9120.0, t.number(Role.BYTES_OUT).orElseThrow().get(1));
        assertEquals(0.0, t.number(Role.BYTES_IN).orElseThrow().get(1));
        assertEquals(443.0, t.number(Role.DST_PORT).orElseThrow().get(1), "the service port, not the client's");
        assertEquals("egress", cell(t, "direction", 1));
        // NAT gateway record: pkt-dstaddr (the internet host) is preferred over the NAT's private dstaddr
        assertEquals("203.0.113.200", t.text(Role.DST_IP).orElseThrow().format(2));
        assertEquals("2", cell(t, "tcp-flags", 0));
        assertEquals("i-0fedcba9876543210", cell(t, "instance-id", 0));
    }

    @Test
    void headerlessDefaultLinesAreRecognisedAndBadLinesReportedInTheNotesFormat() {
        ImportResult r = importLog(TestData.resource("vpc/headerless-v2.log"));
        assertEquals("VPC flow [default v2, no header, 14 fields]", r.report().format());
        assertEquals(2, r.table().rowCount());
        assertEquals("011122223333", cell(r.table(), "account-id", 1), "account IDs stay text: leading zero kept");
        List<ImportIssue> issues = r.report().issues();
        assertEquals(List.of(Reason.NOT_A_NUMBER, Reason.FIELD_COUNT), issues.stream().map(ImportIssue::reason).toList());
        assertTrue(issues.get(0).toString().startsWith("headerless-v2.log:3: VPC flow [default v2, no header, 14 fields]: column 'bytes': NOT_A_NUMBER"
                + " — field 10 'bytes' = \"12k\""), issues.get(0).toString());
        assertTrue(issues.get(1).toString().contains("FIELD_COUNT — expected 14 fields, found 13"), issues.get(1).toString());
    }

    @Test
    void customOrderAndUnknownFutureFieldsAreMappedByName() {
        ImportResult r = importLog(TestData.resource("vpc/reordered-unknown-field.log"));
        assertEquals(List.of("future-field"), r.report().extraColumns());
        assertEquals("something-new", cell(r.table(), "future-field", 0));
        assertEquals(5432.0, r.table().number(Role.DST_PORT).orElseThrow().get(1));
        assertEquals(4380.0, r.table().number(Role.BYTES_IN).orElseThrow().get(0));
    }

    @Test
    void aRepeatedHeaderCrlfBomAndTwoGzipMembersAreRead() throws IOException {
        String text = Files.readString(TestData.resource("vpc/default-v2-with-header.log"));
        Path gz = tmp.resolve("two-members.log.gz");
        try (OutputStream out = Files.newOutputStream(gz)) {
            for (int i = 0; i < 2; i++) {
                GZIPOutputStream z = new GZIPOutputStream(out);
                z.write(((i == 0 ? "\uFEFF" : "") + text.replace("\n", "\r\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.finish();
            }
        }
        ImportResult r = importLog(gz);
        assertEquals(8, r.table().rowCount(), "both members, the second header re-applied");
        assertTrue(r.report().warnings().stream().anyMatch(w -> w.startsWith("1 header line(s) found mid-file")), r.report().warnings().toString());
    }

    @Test
    void aFileOfOnlyNoDataAndSkipDataRecordsSaysSo() throws IOException {
        List<String> lines = Files.readAllLines(TestData.resource("vpc/default-v2-with-header.log"));
        Path f = Files.write(tmp.resolve("quiet.log"), List.of(lines.get(0), lines.get(5), lines.get(6)));
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, () -> importLog(f));
        assertEquals("quiet.log: no traffic records could be imported (0 skipped, 2 NODATA/SKIPDATA)", e.getMessage());
    }

    @Test
    void parquetAndUnknownFilesAreOneClearLine() throws IOException {
        Path parquet = Files.write(tmp.resolve("flows.log.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 1, 2, 3, 'P', 'A', 'R', '1'});
        ImportException p = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, () -> importLog(parquet));
        assertTrue(p.getMessage().contains("Parquet flow logs") || p.getMessage().contains("Parquet"), p.getMessage());
        assertTrue(p.getMessage().contains("not supported yet"), p.getMessage());
        Path odd = Files.writeString(tmp.resolve("mystery.txt"), "Sep 24 10:01:02 host sshd[812]: Accepted publickey for admin\n");
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, () -> importLog(odd));
        assertTrue(e.getMessage().startsWith("mystery.txt: not a recognised traffic log — first line \"Sep 24 10:01:02 host sshd[812]"), e.getMessage());
        assertTrue(e.getMessage().contains("tried VPC flow log, ALB access log, WAF log, CloudFront log and CSV export"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void nlbAndClassicElbLogsAreNamedNotGuessed() throws IOException {
        Path nlb = Files.writeString(tmp.resolve("nlb.log"), "tls 2.0 2018-12-20T02:59:40 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd "
                + "72.21.218.154:51341 172.100.100.185:443 5 2 98 246 - arn:aws:acm:us-east-2:671290407336:certificate/2a108f19 - "
                + "ECDHE-RSA-AES128-SHA tlsv12 - my-network-loadbalancer-c6e77e28c25b2234.elb.us-east-2.amazonaws.com - - - 2018-12-20T02:59:30\n");
        Path elb = Files.writeString(tmp.resolve("elb.log"), "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 "
                + "0.001048 0.000057 200 200 0 29 \"GET http://www.example.com:80/ HTTP/1.1\" \"curl/7.38.0\" - -\n");
        for (Path p : List.of(nlb, elb)) {
            String m = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, () -> importLog(p)).getMessage();
            String kind = p == nlb ? "a Network Load Balancer (TLS listener) access log — not supported" : "a Classic Load Balancer access log — not supported";
            assertTrue(m.startsWith(p.getFileName() + ": " + kind + "; the workbench reads VPC flow logs"), m);
            assertEquals(1, m.lines().count());
        }
    }

    @Test
    void csvStillOpensAsCsvAndAnUnrecognisedHeaderlessFileSaysWhatItSaw() throws IOException {
        assertEquals(LogFormat.CSV, LogImporter.detect(TestData.seed()));
        assertEquals(LogFormat.VPC, LogImporter.detect(TestData.resource("vpc/headerless-v2.log")));
        Path odd = Files.writeString(tmp.resolve("odd.log"), "hello world this is not a flow log\n");
        ImportException e = assertThrows(ImportException.class, () -> new LogImporter().read(odd, LogFormat.VPC,
                ProgressListener.NONE, CancelToken.NEVER));
        assertTrue(e.getMessage().startsWith("odd.log:1: not a VPC flow log"), e.getMessage());
        assertTrue(e.getMessage().contains("\"hello world this is not a flow log\""), e.getMessage());
    }

    @Test
    void byteParsingKeepsOddValuesAndReportsBadOnesWithTheirField() throws IOException {
        String header = "version srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status pkt-srcaddr vpc-id";
        Path f = Files.writeString(tmp.resolve("odd.log"), String.join("\n", header,
                "5 203.0.113.7 10.0.0.5 51000 22 6 3 180 1714086000 1714086060 ACCEPT OK 198.51.100.2 vpc-ö1",       // non-ASCII in a text field
                "5 203.0.113.7 10.0.0.5 51001 22 6 3 180 1714086000 1714086060 ACCEPT OK - vpc-1",                    // no packet address: srcaddr
                "5 203.0.113.999 10.0.0.5 51002 22 6 3 180 1714086000 1714086060 ACCEPT OK - vpc-1",                  // not an address
                "5 2001:db8::7 10.0.0.5 51003 22 6 - 180 1714086000 1714086060 REJECT OK - vpc-1",                  // IPv6, packets missing
                "5 010.0.0.7 10.0.0.5 51004 22 6 3 1.8e2 1714086000 1714086060 ACCEPT OK - vpc-1") + "\n",            // leading zero: text as written
                java.nio.charset.StandardCharsets.UTF_8);
        ImportResult r = importLog(f);
        Table t = r.table();
        assertEquals(4, t.rowCount());
        assertEquals(1, r.report().skippedCount());
        ImportIssue bad = r.report().issues().get(0);
        assertEquals(4, bad.line());
        assertTrue(bad.toString().contains("'srcaddr' = \"203.0.113.999\""), bad.toString());
        assertEquals("vpc-ö1", cell(t, "vpc-id", 0));
        assertEquals("198.51.100.2", t.text(Role.SRC_IP).orElseThrow().format(0), "the packet's own source comes first");
        assertEquals("203.0.113.7", t.text(Role.SRC_IP).orElseThrow().format(1));
        assertEquals("2001:db8::7", t.text(Role.SRC_IP).orElseThrow().format(2));
        assertEquals("", cell(t, "packets", 2), "a missing number stays missing in its own column");
        assertEquals("010.0.0.7", cell(t, "srcaddr", 3));
        assertEquals(180.0, t.number(Role.BYTES_IN).orElseThrow().get(3));
        String[] sources = t.text(Role.SRC_IP).orElseThrow().dictionary();
        assertEquals(List.of("", "198.51.100.2", "203.0.113.7", "2001:db8::7", "010.0.0.7"), List.of(sources),
                "the source column holds only its own values, though it shares a dictionary with every address field");
        assertEquals(List.of("", "10.0.0.5"), List.of(t.text(Role.DST_IP).orElseThrow().dictionary()));
    }

    @Test
    void aLargeGzipLogReadsTheSameAsItsPlainText() throws IOException {
        StringBuilder text = new StringBuilder("version srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status flow-direction\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int i = 0; i < 60_000; i++) { // several read-ahead blocks
            boolean in = random.nextBoolean();
            String outside = "198.51." + random.nextInt(40) + "." + random.nextInt(250);
            String inside = "10.0.1." + random.nextInt(20);
            text.append("5 ").append(in ? outside : inside).append(' ').append(in ? inside : outside).append(" 40000 443 6 4 ")
                    .append(100 + random.nextInt(9000)).append(" 1714086000 1714086060 ACCEPT OK ").append(in ? "ingress" : "egress").append('\n');
        }
        Path plain = Files.writeString(tmp.resolve("big.log"), text);
        Path gz = tmp.resolve("big.log.gz");
        try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(gz))) {
            z.write(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Table a = importLog(plain).table(), b = importLog(gz).table();
        assertEquals(60_000, b.rowCount());
        for (String column : List.of("src_ip", "dst_ip", "bytes_in", "bytes_out", "direction", "srcaddr", "source_line")) {
            for (int row = 0; row < a.rowCount(); row += 7) assertEquals(cell(a, column, row), cell(b, column, row), column + " row " + row);
        }
    }
}
