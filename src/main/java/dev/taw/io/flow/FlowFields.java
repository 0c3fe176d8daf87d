// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The VPC Flow Logs format catalogue: the field names AWS documents, which are numbers, times and addresses, and how a header looks. */
final class FlowFields {
    private FlowFields() { }

    static final List<String> DEFAULT_V2 = List.of("version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
            "protocol", "packets", "bytes", "start", "end", "action", "log-status");
    static final Set<String> KNOWN = Set.of("version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol",
            "packets", "bytes", "start", "end", "action", "log-status", "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr",
            "pkt-dstaddr", "region", "az-id", "sublocation-type", "sublocation-id", "pkt-src-aws-service", "pkt-dst-aws-service",
            "flow-direction", "traffic-path", "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn", "ecs-container-instance-id",
            "ecs-container-id", "ecs-second-container-id", "ecs-service-name", "ecs-task-definition-arn", "ecs-task-arn", "ecs-task-id",
            "reject-reason", "resource-id", "encryption-status");
    static final Set<String> NUMERIC = Set.of("srcport", "dstport", "packets", "bytes", "tcp-flags"); // traffic-path is a category code, "-" when none
    static final Set<String> TIMES = Set.of("start", "end");
    static final Set<String> ADDRESSES = Set.of("srcaddr", "dstaddr", "pkt-srcaddr", "pkt-dstaddr");
    static final Map<String, String> PROTOCOLS = Map.of("6", "TCP", "17", "UDP", "1", "ICMP", "58", "ICMPv6", "47", "GRE", "50", "ESP",
            "51", "AH", "132", "SCTP");

    /** True for a header line: at least 80 % known field names, among them one that only flow logs have. */
    public static boolean isHeader(String line) {
        // every data line is tested (headers recur mid-file in concatenated files): rule most out cheaply
        if (!(line.contains("srcaddr") || line.contains("dstaddr") || line.contains("interface") || line.contains("log"))) return false;
        String[] t = names(line);
        long known = Arrays.stream(t).filter(KNOWN::contains).count();
        boolean signature = Arrays.stream(t).anyMatch(x -> x.equals("srcaddr") || x.equals("dstaddr") || x.equals("interface-id") || x.equals("log-status"));
        // a field named twice would fill one column twice per record: such a line is not a header
        return t.length >= 2 && signature && known * 5 >= t.length * 4L && Arrays.stream(t).distinct().count() == t.length;
    }

    /** True for a default-format record without a header: 14 fields, version 2, an ENI, a log status. */
    public static boolean isHeaderlessV2(String line) {
        String[] t = line.strip().split(" +");
        return t.length == 14 && t[0].equals("2") && t[2].startsWith("eni-") && Set.of("OK", "NODATA", "SKIPDATA").contains(t[13]);
    }

    /**
     * Cheap test run on every line, since header lines recur mid-file in concatenated files: a header starts
     * with a lower-case letter and has only lower-case letters, digits ({@code instance-tag-2}), hyphens or
     * underscores and spaces, while a record starts with a number or an upper-case word, or holds a dot or a colon
     * (an address), so most lines are ruled out at their first byte.
     */
    static boolean mayBeHeader(byte[] b, int from, int to) {
        if (from >= to || b[from] < 'a' || b[from] > 'z') return false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ' ' || c == '\t')) return false;
        }
        return true;
    }

    /**
     * A header's field names as AWS documents them: {@code log_status}, {@code pkt_srcaddr} (how Athena tables,
     * Parquet delivery and several parsers spell them) read as {@code log-status}, {@code pkt-srcaddr}.
     */
    static String[] names(String headerLine) {
        String[] t = headerLine.strip().split("[ \t]+");
        for (int i = 0; i < t.length; i++) t[i] = t[i].replace('_', '-');
        return t;
    }
}
