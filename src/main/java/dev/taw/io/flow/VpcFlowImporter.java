// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import dev.taw.io.ImportResult;
import dev.taw.io.Cells;
import dev.taw.io.ImportException;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportIssue;

import dev.taw.io.read.InputFiles;

import dev.taw.io.read.SplitAhead;

import dev.taw.io.read.LineRecords;

import dev.taw.io.read.LineView;

import dev.taw.io.read.LineReader;

import dev.taw.net.AddressClass;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final Set<String> ADDRESSES = Set.of("srcaddr", "dstaddr", "pkt-srcaddr", "pkt-dstaddr");
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
        LineReader reader = new LineReader(opened.stream(), LineReader.MAX_LINE_BYTES);
        // a big file is split into fields on a second thread while this one looks values up
        try (LineView lines = opened.sizeOnDisk() > SPLIT_AHEAD_FROM ? new SplitAhead(reader, file) : reader) {
            Run run = new Run(new LineRecords(file), lines);
            run.lr.readAll(opened, lines, progress, cancel, (LineRecords.ByteLineSink) run::accept);
            return run.finish();
        } catch (IOException e) {
            throw new ImportException(file + ": read failed (" + e.getMessage() + ")", e);
        }
    }

    /** Size on disk from which lines are split into fields on a thread of their own. */
    static final long SPLIT_AHEAD_FROM = 4L << 20;

    /** One file's state: the current field order, the columns being built, the counts. */
    private static final class Run {
        private final LineRecords lr;
        private final LineView lines;
        private final Map<String, TextColumn.Builder> text = new LinkedHashMap<>();
        private final Map<String, NumberColumn.Builder> numbers = new HashMap<>();
        private final Map<String, TimeColumn.Builder> times = new HashMap<>();
        private final List<String> order = new ArrayList<>();
        private final NumberColumn.Builder bytesIn = new NumberColumn.Builder("bytes_in");
        private final NumberColumn.Builder bytesOut = new NumberColumn.Builder("bytes_out");
        private final NumberColumn.Builder servicePort = new NumberColumn.Builder("dst_port");
        /** One dictionary for every address field: a record's addresses recur in several of them. */
        private final TextColumn.Interner addresses = new TextColumn.Interner();
        private final TextColumn.Builder remote = new TextColumn.Builder("src_ip", addresses);
        private final TextColumn.Builder local = new TextColumn.Builder("dst_ip", addresses);
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

        Run(LineRecords lr, LineView lines) {
            this.lr = lr;
            this.lines = lines;
        }

        // the current line: its bytes, whether they are ASCII, and each field's start and end
        private byte[] b;
        private boolean ascii;
        private final SplitAhead.Fields fields64 = new SplitAhead.Fields(64);
        private int[] fs = fields64.start;
        private int[] fe = fields64.end;
        private int[] fh = fields64.hash;
        private long[] fd = fields64.digits;
        private double[] num = new double[0];
        private int[] codeOf = new int[0];         // per address field of this record: its code in addresses, -1 not looked up yet
        private boolean[] isAddress = new boolean[0];
        private int[] addressFields = new int[0];
        private long[] time = new long[0];
        /** Per distinct address (by code in {@link #addresses}): 1 inside the VPC, 2 outside, 3 not an address, 0 not classified yet. */
        private byte[] insideByCode = new byte[1024];
        private String[] protocolByCode = new String[16]; // the protocol column's code → its name (TCP, UDP, IP 47…)
        private int protocolCode;

        void accept(LineView reader, long lineNo) {
            int from = lr.start(reader, lineNo, variant == null ? "VPC flow" : variant);
            if (from < 0) return;
            b = reader.lineBytes();
            ascii = reader.lineAscii();
            int to = reader.lineEnd();
            if (mayBeHeader(b, from, to)) {
                String line = text(from, to);
                if (isHeader(line)) {
                    if (fields != null) headersReapplied++;
                    useFields(line.strip().split(" +"), "header");
                    return;
                }
            }
            if (fields == null) {
                String line = text(from, to);
                if (!isHeaderlessV2(line)) throw new ImportException(lr.file + ":" + lineNo + ": not a VPC flow log (no header line, and not the default"
                        + " 14-field format) — first line: \"" + ImportIssue.snippet(line) + "\"");
                useFields(DEFAULT_V2.toArray(String[]::new), "default v2, no header");
            }
            lr.read++;
            int n = split(from, to);
            if (n != fields.length) {
                skip(lineNo, null, Reason.FIELD_COUNT, "expected " + fields.length + " fields, found " + n, text(from, to));
                return;
            }
            if (iStatus >= 0 && is(iStatus, "NODATA")) {
                noData++;
                return;
            }
            if (iStatus >= 0 && is(iStatus, "SKIPDATA")) {
                skipData++;
                return;
            }
            Arrays.fill(codeOf, -1);
            for (int i = 0; i < n; i++) {
                if (dash(i)) {
                    num[i] = Double.NaN;
                    continue;
                }
                if (nb[i] != null) {
                    num[i] = fd[i] >= 0 ? fd[i] : Cells.parseNumber(b, fs[i], fe[i]);
                    if (Double.isNaN(num[i])) {
                        bad(lineNo, i, Reason.NOT_A_NUMBER, from, to);
                        return;
                    }
                } else if (tb[i] != null) {
                    double sec = fd[i] >= 0 ? fd[i] : Cells.parseNumber(b, fs[i], fe[i]);
                    if (Double.isNaN(sec)) {
                        bad(lineNo, i, Reason.BAD_TIMESTAMP, from, to);
                        return;
                    }
                    time[i] = (long) sec * 1000L;
                } else if ((i == iSrc || i == iDst) && addressClass(i) == 3) {
                    bad(lineNo, i, Reason.BAD_IP, from, to);
                    return;
                }
            }
            for (int i = 0; i < n; i++) {
                boolean missing = dash(i);
                if (nb[i] != null) {
                    if (missing) nb[i].addMissing(); else nb[i].add(num[i]);
                } else if (tb[i] != null) {
                    if (missing) tb[i].addMissing(); else tb[i].add(time[i]);
                } else if (isAddress[i]) {
                    xb[i].addCode(addressCode(i));
                } else {
                    int code = add(xb[i], i);
                    if (i == iProtocol) protocolCode = code;
                }
            }
            orient();
            lr.row(lineNo);
        }

        private void orient() {
            int src = pick(iPktSrc, iSrc), dst = pick(iPktDst, iDst);
            boolean ingress;
            boolean inferred = false;
            if (iDirection >= 0 && (is(iDirection, "ingress") || is(iDirection, "egress"))) {
                ingress = is(iDirection, "ingress");
            } else {
                inferred = true;
                ingress = !(addressClass(src) == 1 && addressClass(dst) != 1); // the VPC side is local; both inside or neither: src is remote
            }
            int r = ingress ? src : dst, l = ingress ? dst : src;
            if (r < 0) remote.add(""); else remote.addCode(addressCode(r));
            if (l < 0) local.add(""); else local.addCode(addressCode(l));
            double bytes = iBytes < 0 ? Double.NaN : num[iBytes];
            bytesIn.add(ingress && !Double.isNaN(bytes) ? bytes : 0);
            bytesOut.add(!ingress && !Double.isNaN(bytes) ? bytes : 0);
            double sp = iSrcPort < 0 ? Double.NaN : num[iSrcPort], dp = iDstPort < 0 ? Double.NaN : num[iDstPort];
            if (Double.isNaN(sp) && Double.isNaN(dp)) servicePort.addMissing();
            else servicePort.add(Double.isNaN(sp) ? dp : Double.isNaN(dp) ? sp : Math.min(sp, dp)); // the well-known side
            protocolName.add(protocolName(iProtocol < 0 ? -1 : protocolCode));
            direction.add(ingress ? (inferred ? "ingress (inferred)" : "ingress") : (inferred ? "egress (inferred)" : "egress"));
        }

        /** The name of a protocol number, by its code in the protocol column (-1: the format has none); once per distinct value. */
        private String protocolName(int code) {
            if (code < 0) return "";
            if (code >= protocolByCode.length) protocolByCode = Arrays.copyOf(protocolByCode, Math.max(code + 1, protocolByCode.length * 2));
            String name = protocolByCode[code];
            if (name == null) {
                String p = text.get("protocol").value(code);
                name = protocolByCode[code] = p.equals("-") ? "" : PROTOCOLS.getOrDefault(p, "IP " + p);
            }
            return name;
        }

        /** The preferred field when it has a value, else the fallback; -1 when neither exists. */
        private int pick(int preferred, int fallback) {
            return preferred >= 0 && !dash(preferred) ? preferred : fallback;
        }

        /** 1 when field {@code i} is an address inside a VPC (private or shared), 2 another address, 3 not an address, 0 none (-1 or "-"). */
        private int addressClass(int i) {
            if (i < 0 || dash(i)) return 0;
            int code = addressCode(i);
            if (code >= insideByCode.length) insideByCode = Arrays.copyOf(insideByCode, Math.max(code + 1, insideByCode.length * 2));
            if (insideByCode[code] == 0) { // not classified yet: once per distinct value
                var a = AddressClass.parse(addresses.value(code));
                String special = a == null ? null : AddressClass.special(a);
                insideByCode[code] = (byte) (a == null ? 3 : AddressClass.PRIVATE.equals(special) || AddressClass.SHARED.equals(special) ? 1 : 2);
            }
            return insideByCode[code];
        }

        /**
         * The code of address field {@code i} of this record in the shared address dictionary, looked up
         * once per record: pkt-srcaddr is usually srcaddr again, and src_ip/dst_ip repeat one of them.
         */
        private int addressCode(int i) {
            if (codeOf[i] >= 0) return codeOf[i];
            int len = fe[i] - fs[i];
            for (int j : addressFields) {
                if (j != i && codeOf[j] >= 0 && fe[j] - fs[j] == len && Arrays.equals(b, fs[i], fe[i], b, fs[j], fe[j])) return codeOf[i] = codeOf[j];
            }
            if (ascii) return codeOf[i] = addresses.internAddress(b, fs[i], fe[i]);
            String v = text(fs[i], fe[i]);
            return codeOf[i] = addresses.intern(v, 0, v.length());
        }

        private int add(TextColumn.Builder to, int i) {
            if (i < 0) return to.add("");
            if (ascii) return to.add(b, fs[i], fe[i], fh[i]);
            return to.add(text(fs[i], fe[i]));
        }

        private boolean dash(int i) {
            return fe[i] - fs[i] == 1 && b[fs[i]] == '-';
        }

        private boolean is(int i, String word) {
            int len = fe[i] - fs[i];
            if (len != word.length()) return false;
            for (int k = 0; k < len; k++) if (b[fs[i] + k] != word.charAt(k)) return false;
            return true;
        }

        private String text(int from, int to) {
            return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }

        private void bad(long lineNo, int i, Reason reason, int from, int to) {
            String f = fields[i];
            skip(lineNo, f, reason, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(text(fs[i], fe[i])) + "\"", text(from, to));
        }

        /**
         * Cheap test run on every line, since header lines recur mid-file in concatenated files: a header
         * has only lower-case letters, hyphens and spaces, while a record has digits, so most lines are
         * ruled out at their first byte.
         */
        private static boolean mayBeHeader(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (!((c >= 'a' && c <= 'z') || c == '-' || c == ' ' || c == '\t')) return false;
            }
            return true;
        }

        /** The current line's fields (bounds, hashes, digit values), split here or ahead on another thread; returns their count. */
        private int split(int from, int to) {
            int n = lines instanceof SplitAhead ahead ? ahead.fields(fields64) : fields64.split(b, from, to, 0);
            fs = fields64.start;
            fe = fields64.end;
            fh = fields64.hash;
            fd = fields64.digits;
            return n;
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
                else text.put(f, ADDRESSES.contains(f) ? new TextColumn.Builder(f, addresses) : new TextColumn.Builder(f));
            }
            num = new double[names.length];
            codeOf = new int[names.length];
            isAddress = new boolean[names.length];
            List<Integer> addressList = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                isAddress[i] = ADDRESSES.contains(names[i]);
                if (isAddress[i]) addressList.add(i);
            }
            addressFields = addressList.stream().mapToInt(Integer::intValue).toArray();
            time = new long[names.length];
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
            Map<Role, Column> roles = new EnumMap<>(Role.class);
            add(columns, roles, Role.BYTES_IN, bytesIn.build());
            add(columns, roles, Role.BYTES_OUT, bytesOut.build());
            add(columns, roles, Role.SRC_IP, remote.build());
            add(columns, roles, Role.DST_IP, local.build());
            add(columns, roles, Role.DST_PORT, servicePort.build());
            add(columns, roles, Role.PROTOCOL, protocolName.build());
            columns.add(direction.build());
            Map<String, Integer> imputed = new LinkedHashMap<>();
            for (String f : order) {
                Column c = NUMERIC.contains(f) ? numbers.get(f).build() : TIMES.contains(f) ? times.get(f).build() : text.get(f).build();
                if (c instanceof NumberColumn nc && nc.missingCount() > 0) imputed.put(f, nc.missingCount());
                columns.add(c);
                switch (f) {
                    case "start" -> {
                        roles.put(Role.TIME, c);
                        roles.put(Role.CREATION_TIME, c);
                    }
                    case "end" -> roles.put(Role.END_TIME, c);
                    case "action" -> roles.put(Role.VERDICT, c); // ACCEPT / REJECT
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

        private static void add(List<Column> columns, Map<Role, Column> roles, Role role, Column c) {
            columns.add(c);
            roles.put(role, c);
        }
    }
}
