// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import static dev.taw.TestData.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.io.FlowView;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flow records joined into connections: request and reply as one row, bytes each way; records without a reply stay one-way. */
class ConnectionsTest {
    static final String V5 = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status "
            + "vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service "
            + "pkt-dst-aws-service flow-direction traffic-path\n";

    @TempDir
    Path tmp;

    /** The notes' custom-v5 sample lines (AWS documentation shapes), with the reply the REJECT never got and the request of the egress line. */
    @Test
    void theDocumentationSamplesJoinRequestToReplyAndLeaveTheRejectedProbeOneWay() throws IOException {
        Table t = connections("""
                5 111122223333 eni-0a1b2c3d4e5f60718 198.51.100.77 10.0.1.20 40112 22 6 1 44 1714086002 1714086002 REJECT OK vpc-0123456789abcdef0 subnet-0aa11bb22cc33dd44 i-0fedcba9876543210 2 IPv4 198.51.100.77 10.0.1.20 us-east-1 use1-az4 - - - - ingress -
                5 111122223333 eni-0a1b2c3d4e5f60718 203.0.113.45 10.0.1.20 51544 443 6 8 1240 1714086000 1714086060 ACCEPT OK vpc-0123456789abcdef0 subnet-0aa11bb22cc33dd44 i-0fedcba9876543210 3 IPv4 203.0.113.45 10.0.1.20 us-east-1 use1-az4 - - - - ingress 8
                5 111122223333 eni-0a1b2c3d4e5f60718 10.0.1.20 203.0.113.45 443 51544 6 10 9120 1714086000 1714086060 ACCEPT OK vpc-0123456789abcdef0 subnet-0aa11bb22cc33dd44 i-0fedcba9876543210 19 IPv4 10.0.1.20 203.0.113.45 us-east-1 use1-az4 - - - - egress 8
                """);
        assertEquals(2, t.rowCount());
        assertEquals("198.51.100.77", cell(t, "src_ip", 0));
        assertEquals("one-way", cell(t, "connection", 0), "the rejected SYN got no reply");
        assertEquals("44", cell(t, "bytes_in", 0));
        assertEquals("0", cell(t, "bytes_out", 0));
        assertEquals("203.0.113.45", cell(t, "src_ip", 1));
        assertEquals("two-way", cell(t, "connection", 1));
        assertEquals("1240", cell(t, "bytes_in", 1), "the request's bytes");
        assertEquals("9120", cell(t, "bytes_out", 1), "the reply's bytes");
        assertEquals("18", cell(t, "packets", 1));
        assertEquals("19", cell(t, "tcp-flags", 1), "3 | 19");
        assertEquals("443", cell(t, "service_port", 1));
        assertEquals("3", cell(t, "source_line", 1));
        assertEquals("4", cell(t, "reply_line", 1), "the reply's line, to find both records in the file");
        assertEquals("2", cell(t, "records", 1));
    }

    /** Behind a NAT gateway the reply is logged on the gateway's interface; its packet addresses are the instance's and the internet host's. */
    @Test
    void aReplyLoggedOnANatGatewaysInterfaceJoinsTheInstancesRequest() throws IOException {
        Table t = connections("""
                5 111122223333 eni-0instance000000001 10.0.1.20 203.0.113.200 51000 443 6 7 1460 1714086030 1714086060 ACCEPT OK vpc-1 subnet-1 i-0fedcba9876543210 2 IPv4 10.0.1.20 203.0.113.200 us-east-1 use1-az4 - - - - egress 8
                5 111122223333 eni-0d4c3b2a190817263 203.0.113.200 10.0.2.9 443 51000 6 9 52000 1714086031 1714086060 ACCEPT OK vpc-1 subnet-2 - 19 IPv4 203.0.113.200 10.0.1.20 us-east-1 use1-az4 - - - - ingress 8
                """);
        assertEquals(1, t.rowCount(), "one connection from two interfaces");
        assertEquals("203.0.113.200", cell(t, "src_ip", 0));
        assertEquals("10.0.1.20", cell(t, "dst_ip", 0));
        assertEquals("52000", cell(t, "bytes_in", 0));
        assertEquals("1460", cell(t, "bytes_out", 0));
    }

    /** A long connection logged in two capture windows is two connections, each its request with its own window's reply. */
    @Test
    void recordsSplitOverTwoCaptureWindowsPairWithinTheirWindow() throws IOException {
        Table t = connections("""
                5 1 eni-1 198.51.100.9 10.0.1.20 50000 22 6 5 500 1714086000 1714086059 ACCEPT OK vpc-1 subnet-1 i-1 3 IPv4 198.51.100.9 10.0.1.20 us-east-1 az - - - - ingress 1
                5 1 eni-1 10.0.1.20 198.51.100.9 22 50000 6 5 5000 1714086000 1714086059 ACCEPT OK vpc-1 subnet-1 i-1 3 IPv4 10.0.1.20 198.51.100.9 us-east-1 az - - - - egress 1
                5 1 eni-1 198.51.100.9 10.0.1.20 50000 22 6 5 600 1714086060 1714086119 ACCEPT OK vpc-1 subnet-1 i-1 17 IPv4 198.51.100.9 10.0.1.20 us-east-1 az - - - - ingress 1
                5 1 eni-1 10.0.1.20 198.51.100.9 22 50000 6 5 6000 1714086060 1714086119 ACCEPT OK vpc-1 subnet-1 i-1 17 IPv4 10.0.1.20 198.51.100.9 us-east-1 az - - - - egress 1
                """);
        assertEquals(2, t.rowCount());
        assertEquals("500/5000", cell(t, "bytes_in", 0) + "/" + cell(t, "bytes_out", 0));
        assertEquals("600/6000", cell(t, "bytes_in", 1) + "/" + cell(t, "bytes_out", 1), "each window's own reply");
    }

    @Test
    void aRecordWithoutAPartnerInTimeStaysOneWay() throws IOException {
        Table t = connections("""
                5 1 eni-1 198.51.100.9 10.0.1.20 50001 22 6 1 60 1714086000 1714086000 ACCEPT OK vpc-1 subnet-1 i-1 2 IPv4 198.51.100.9 10.0.1.20 us-east-1 az - - - - ingress 1
                5 1 eni-1 10.0.1.20 198.51.100.9 22 50001 6 1 60 1714089600 1714089600 ACCEPT OK vpc-1 subnet-1 i-1 18 IPv4 10.0.1.20 198.51.100.9 us-east-1 az - - - - egress 1
                5 1 eni-1 10.0.1.20 198.51.100.9 22 50002 6 1 60 1714086000 1714086000 ACCEPT OK vpc-1 subnet-1 i-1 18 IPv4 10.0.1.20 198.51.100.9 us-east-1 az - - - - egress 1
                """);
        assertEquals(3, t.rowCount(), "an hour apart, and another port pair: no partners");
        for (int r = 0; r < 3; r++) assertEquals("one-way", cell(t, "connection", r));
        assertEquals("", cell(t, "reply_line", 0));
    }

    @Test
    void recordsStayRecordsWhenAskedFor() throws IOException {
        Path log = Files.writeString(tmp.resolve("r.log"), V5 + """
                5 1 eni-1 198.51.100.9 10.0.1.20 50000 22 6 5 500 1714086000 1714086059 ACCEPT OK vpc-1 subnet-1 i-1 3 IPv4 198.51.100.9 10.0.1.20 us-east-1 az - - - - ingress 1
                5 1 eni-1 10.0.1.20 198.51.100.9 22 50000 6 5 5000 1714086000 1714086059 ACCEPT OK vpc-1 subnet-1 i-1 3 IPv4 10.0.1.20 198.51.100.9 us-east-1 az - - - - egress 1
                """);
        ImportResult r = new AnalysisPipeline().withFlows(FlowView.RECORDS).importFile(log, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(2, r.table().rowCount());
        assertTrue(r.table().column("connection").isEmpty());
    }

    /** The VPC sample as connections: most points leave the axes of the bytes chart, since a connection has bytes both ways. */
    @Test
    void theSamplesConnectionsHaveBytesBothWays() {
        ImportResult r = new AnalysisPipeline().importFile(Path.of("sample-data", "vpc-flow-sample.log"), ProgressListener.NONE, CancelToken.NEVER);
        Table t = r.table();
        int both = 0;
        for (int i = 0; i < t.rowCount(); i++) if (t.number(dev.taw.table.Role.BYTES_IN).orElseThrow().get(i) > 0 && t.number(dev.taw.table.Role.BYTES_OUT).orElseThrow().get(i) > 0) both++;
        assertTrue(both > t.rowCount() / 2, both + " of " + t.rowCount() + " connections off the axes");
        assertTrue(r.report().format().endsWith("joined into connections: 4,585 two-way, 2,024 one-way"), r.report().format());
        assertTrue(r.report().warnings().isEmpty(), "joining is no warning: " + r.report().warnings());
    }

    private Table connections(String lines) throws IOException {
        Path log = Files.writeString(tmp.resolve("flows.log"), V5 + lines);
        return new AnalysisPipeline().importFile(log, ProgressListener.NONE, CancelToken.NEVER).table();
    }
}
