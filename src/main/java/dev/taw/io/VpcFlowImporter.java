// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.geo.AddressClass;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.pipeline.CancelToken;
import dev.taw.pipeline.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.SeedField;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Amazon VPC Flow Logs (text): the default v2 format and custom formats in any field order, named by the
 * header line S3 files start with (unknown field names are kept), or headerless default-format lines
 * (CloudWatch copies). NODATA and SKIPDATA records are counted, never imported as traffic.
 *
 * <p>A record counts bytes in one direction only, so each is <em>oriented</em>: {@code flow-direction} when
 * present, else the side inside the VPC (a private address) is local. The remote side becomes
 * {@code src_ip}, the local side {@code dst_ip}, the lower port the service port; {@code bytes} goes to
 * {@code bytes_in} for ingress and {@code bytes_out} for egress — never read as bytes in. The record's own
 * fields follow, then {@code source_file} and {@code source_line} so every row leads back to its line.
 */
public final class VpcFlowImporter {
    static final List<String> DEFAULT_V2 = List.of("version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
            "protocol", "packets", "bytes", "start", "end", "action", "log-status");
    static final Set<String> KNOWN = Set.of("version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol",
            "packets", "bytes", "start", "end", "action", "log-status", "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr",
            "pkt-dstaddr", "region", "az-id", "sublocation-type", "sublocation-id", "pkt-src-aws-service", "pkt-dst-aws-service",
            "flow-direction", "traffic-path", "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn", "ecs-container-instance-id",
            "ecs-container-id", "ecs-second-container-id", "ecs-service-name", "ecs-task-definition-arn", "ecs-task-arn", "ecs-task-id",
            "reject-reason", "resource-id", "encryption-status");
    private static final Set<String> NUMERIC = Set.of("srcport", "dstport", "packets", "bytes", "tcp-flags", "traffic-path");
    private static final Set<String> TIMES = Set.of("start", "end");
    private static final Map<String, String> PROTOCOLS = Map.of("6", "TCP", "17", "UDP", "1", "ICMP", "58", "ICMPv6", "47", "GRE", "50", "ESP",
            "51", "AH", "132", "SCTP");

    /** True for a header line: at least 80 % known field names, among them one that only flow logs have. */
    public static boolean isHeader(String line) {
        // every data line is tested (headers recur mid-file in concatenated files): rule most out cheaply
        if (!(line.contains("srcaddr") || line.contains("dstaddr") || line.contains("interface-id") || line.contains("log-status"))) return false;
        String[] t = line.strip().split(" +");
        long known = Arrays.stream(t).filter(KNOWN::contains).count();
        boolean signature = Arrays.stream(t).anyMatch(x -> x.equals("srcaddr") || x.equals("dstaddr") || x.equals("interface-id") || x.equals("log-status"));
        return t.length >= 2 && signature && known * 5 >= t.length * 4L;
    }

    /** True for a default-format record without a header: 14 fields, version 2, an ENI, a log status. */
    public static boolean isHeaderlessV2(String line) {
        String[] t = line.strip().split(" +");
        return t.length == 14 && t[0].equals("2") && t[2].startsWith("eni-") && Set.of("OK", "NODATA", "SKIPDATA").contains(t[13]);
    }

    public ImportResult read(Path path, ProgressListener progress, CancelToken cancel) {
        InputFiles.Opened opened = InputFiles.open(path);
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try (LineReader lines = new LineReader(opened.stream(), CsvImporter.MAX_LINE_CHARS)) {
            Run run = new Run(new LineRecords(file), lines);
            run.lr.readAll(opened, lines, progress, cancel, run::accept);
            return run.finish();
        } catch (IOException e) {
            throw new ImportException(file + ": read failed (" + e.getMessage() + ")", e);
        }
    }

    /** One file's state: the current field order, the columns being built, the counts. */
    private static final class Run {
        private final LineRecords lr;
        private final LineReader lines;
        private final Map<String, TextColumn.Builder> text = new LinkedHashMap<>();
        private final Map<String, NumberColumn.Builder> numbers = new HashMap<>();
        private final Map<String, TimeColumn.Builder> times = new HashMap<>();
        private final List<String> order = new ArrayList<>();
        private final NumberColumn.Builder bytesIn = new NumberColumn.Builder("bytes_in");
        private final NumberColumn.Builder bytesOut = new NumberColumn.Builder("bytes_out");
        private final NumberColumn.Builder servicePort = new NumberColumn.Builder("dst_port");
        private final TextColumn.Builder remote = new TextColumn.Builder("src_ip");
        private final TextColumn.Builder local = new TextColumn.Builder("dst_ip");
        private final TextColumn.Builder protocolName = new TextColumn.Builder("protocol_name");
        private final TextColumn.Builder direction = new TextColumn.Builder("direction");
        private String[] fields;
        private int iStatus, iSrc, iDst, iPktSrc, iPktDst, iDirection, iBytes, iSrcPort, iDstPort, iProtocol;
        /** The builder of each field of the current field list, by position (one of the three is set). */
        private NumberColumn.Builder[] nb;
        private TimeColumn.Builder[] tb;
        private TextColumn.Builder[] xb;
        private String variant;
        private long noData;
        private long skipData;
        private long headersReapplied;

        Run(LineRecords lr, LineReader lines) {
            this.lr = lr;
            this.lines = lines;
        }

        void accept(String raw, long lineNo) {
            String line = lr.line(raw, lineNo, variant == null ? "VPC flow" : variant);
            if (line == null) return;
            if (isHeader(line)) {
                if (fields != null) headersReapplied++;
                useFields(line.strip().split(" +"), "header");
                return;
            }
            if (fields == null) {
                if (!isHeaderlessV2(line)) throw new ImportException(lr.file + ":" + lineNo + ": not a VPC flow log (no header line, and not the default"
                        + " 14-field format) — first line: \"" + ImportIssue.snippet(line) + "\"");
                useFields(DEFAULT_V2.toArray(String[]::new), "default v2, no header");
            }
            lr.read++;
            String[] t = split(line);
            if (t.length != fields.length) {
                skip(lineNo, null, Reason.FIELD_COUNT, "expected " + fields.length + " fields, found " + t.length, line);
                return;
            }
            String status = at(t, iStatus, "OK");
            if (status.equals("NODATA")) {
                noData++;
                return;
            }
            if (status.equals("SKIPDATA")) {
                skipData++;
                return;
            }
            double[] num = new double[fields.length];
            long[] time = new long[fields.length];
            for (int i = 0; i < fields.length; i++) {
                String f = fields[i], cell = t[i];
                if (cell.equals("-")) continue;
                if (nb[i] != null) {
                    num[i] = Cells.parseNumber(cell);
                    if (Double.isNaN(num[i])) {
                        skip(lineNo, f, Reason.NOT_A_NUMBER, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(cell) + "\"", line);
                        return;
                    }
                } else if (tb[i] != null) {
                    double s = Cells.parseNumber(cell);
                    if (Double.isNaN(s)) {
                        skip(lineNo, f, Reason.BAD_TIMESTAMP, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(cell) + "\"", line);
                        return;
                    }
                    time[i] = (long) s * 1000L;
                } else if ((i == iSrc || i == iDst) && AddressClass.parse(cell) == null) {
                    skip(lineNo, f, Reason.BAD_IP, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(cell) + "\"", line);
                    return;
                }
            }
            for (int i = 0; i < fields.length; i++) {
                String cell = t[i];
                if (nb[i] != null) {
                    if (cell.equals("-")) nb[i].addMissing(); else nb[i].add(num[i]);
                } else if (tb[i] != null) {
                    if (cell.equals("-")) tb[i].addMissing(); else tb[i].add(time[i]);
                } else {
                    xb[i].add(cell);
                }
            }
            orient(t);
            lr.row(lineNo);
        }

        private void orient(String[] t) {
            String src = pick(t, iPktSrc, iSrc), dst = pick(t, iPktDst, iDst);
            String dir = at(t, iDirection, "-");
            boolean ingress;
            boolean inferred = false;
            if (dir.equals("ingress") || dir.equals("egress")) {
                ingress = dir.equals("ingress");
            } else {
                inferred = true;
                ingress = !(inside(src) && !inside(dst)); // the VPC side is local; both inside or neither: src is remote
            }
            remote.add(ingress ? src : dst);
            local.add(ingress ? dst : src);
            double bytes = Cells.parseNumber(at(t, iBytes, "-"));
            bytesIn.add(ingress && !Double.isNaN(bytes) ? bytes : 0);
            bytesOut.add(!ingress && !Double.isNaN(bytes) ? bytes : 0);
            double sp = Cells.parseNumber(at(t, iSrcPort, "-")), dp = Cells.parseNumber(at(t, iDstPort, "-"));
            if (Double.isNaN(sp) && Double.isNaN(dp)) servicePort.addMissing();
            else servicePort.add(Double.isNaN(sp) ? dp : Double.isNaN(dp) ? sp : Math.min(sp, dp)); // the well-known side
            String proto = at(t, iProtocol, "-");
            protocolName.add(PROTOCOLS.getOrDefault(proto, proto.equals("-") ? "" : "IP " + proto));
            direction.add((ingress ? "ingress" : "egress") + (inferred ? " (inferred)" : ""));
        }

        private static String at(String[] t, int i, String otherwise) {
            return i < 0 ? otherwise : t[i];
        }

        private static String pick(String[] t, int preferred, int fallback) {
            String p = preferred < 0 ? null : t[preferred];
            return p != null && !p.equals("-") ? p : at(t, fallback, "");
        }

        /** Fields split on runs of spaces (faster than a regular expression on every line). */
        private static String[] split(String line) {
            List<String> out = new ArrayList<>(32);
            int n = line.length(), i = 0;
            while (i < n) {
                while (i < n && line.charAt(i) == ' ') i++;
                if (i == n) break;
                int start = i;
                while (i < n && line.charAt(i) != ' ') i++;
                out.add(line.substring(start, i));
            }
            return out.toArray(String[]::new);
        }

        private static boolean inside(String ip) {
            var a = AddressClass.parse(ip);
            String special = a == null ? null : AddressClass.special(a);
            return AddressClass.PRIVATE.equals(special) || AddressClass.SHARED.equals(special);
        }

        private void useFields(String[] names, String how) {
            if (fields != null && !Arrays.equals(fields, names) && lr.rows > 0) {
                throw new ImportException(lr.file + ":" + lines.lineNumber() + ": the field list changes mid-file (" + fields.length + " → " + names.length
                        + " fields); open the files of each flow-log format separately");
            }
            fields = names;
            variant = "VPC flow [" + how + ", " + names.length + " fields]";
            List<String> list = Arrays.asList(names);
            iStatus = list.indexOf("log-status");
            iSrc = list.indexOf("srcaddr");
            iDst = list.indexOf("dstaddr");
            iPktSrc = list.indexOf("pkt-srcaddr");
            iPktDst = list.indexOf("pkt-dstaddr");
            iDirection = list.indexOf("flow-direction");
            iBytes = list.indexOf("bytes");
            iSrcPort = list.indexOf("srcport");
            iDstPort = list.indexOf("dstport");
            iProtocol = list.indexOf("protocol");
            for (String f : names) {
                if (order.contains(f)) continue;
                order.add(f);
                if (NUMERIC.contains(f)) numbers.put(f, new NumberColumn.Builder(f));
                else if (TIMES.contains(f)) times.put(f, new TimeColumn.Builder(f));
                else text.put(f, new TextColumn.Builder(f));
            }
            nb = new NumberColumn.Builder[names.length];
            tb = new TimeColumn.Builder[names.length];
            xb = new TextColumn.Builder[names.length];
            for (int i = 0; i < names.length; i++) {
                nb[i] = numbers.get(names[i]);
                tb[i] = times.get(names[i]);
                xb[i] = text.get(names[i]);
            }
        }

        private void skip(long line, String column, Reason reason, String detail, String raw) {
            lr.skip(line, variant == null ? "VPC flow" : variant, column, reason, detail, raw);
        }

        ImportResult finish() {
            if (fields == null) throw new ImportException(lr.file + ": the file is empty");
            if (lr.read == 0) throw new ImportException(lr.file + ": has a header but no flow records");
            if (noData + skipData > 0) {
                lr.warnings.add(String.format("%,d NODATA and %,d SKIPDATA records (no traffic) counted, not imported%s", noData, skipData,
                        skipData > 0 ? "; SKIPDATA means flow records were lost in those windows" : ""));
            }
            if (headersReapplied > 0) lr.warnings.add(headersReapplied + " header line(s) found mid-file (concatenated files) and applied");
            if (lr.rows == 0) throw new ImportException(lr.file + ": no traffic records could be imported (" + lr.skipped + " skipped, " + (noData + skipData)
                    + " NODATA/SKIPDATA)" + (lr.issues.isEmpty() ? "" : "; first problem: " + lr.issues.get(0)));
            List<Column> columns = new ArrayList<>();
            Map<SeedField, Column> roles = new EnumMap<>(SeedField.class);
            add(columns, roles, SeedField.BYTES_IN, bytesIn.build());
            add(columns, roles, SeedField.BYTES_OUT, bytesOut.build());
            add(columns, roles, SeedField.SRC_IP, remote.build());
            add(columns, roles, SeedField.DST_IP, local.build());
            add(columns, roles, SeedField.DST_PORT, servicePort.build());
            add(columns, roles, SeedField.PROTOCOL, protocolName.build());
            columns.add(direction.build());
            Map<String, Integer> imputed = new LinkedHashMap<>();
            for (String f : order) {
                Column c = NUMERIC.contains(f) ? numbers.get(f).build() : TIMES.contains(f) ? times.get(f).build() : text.get(f).build();
                if (c instanceof NumberColumn nc && nc.missingCount() > 0) imputed.put(f, nc.missingCount());
                columns.add(c);
                switch (f) {
                    case "start" -> {
                        roles.put(SeedField.TIME, c);
                        roles.put(SeedField.CREATION_TIME, c);
                    }
                    case "end" -> roles.put(SeedField.END_TIME, c);
                    case "action" -> roles.put(SeedField.RESPONSE_CODE, c); // the verdict charts show: ACCEPT / REJECT
                    default -> { }
                }
            }
            columns.addAll(lr.sourceColumns());
            Table t = new Table(lr.rows, columns, roles, lr.lines());
            List<String> extra = order.stream().filter(f -> !KNOWN.contains(f)).toList();
            ImportReport report = new ImportReport(lr.file, lr.read, lr.rows, lr.skipped, lr.issues, imputed, lr.blank, LineRecords.missing(roles), extra,
                    t.constantColumns(), lr.warnings, null, variant);
            return new ImportResult(t, report);
        }

        private static void add(List<Column> columns, Map<SeedField, Column> roles, SeedField role, Column c) {
            columns.add(c);
            roles.put(role, c);
        }
    }
}
