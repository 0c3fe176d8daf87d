// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import dev.taw.io.Cells;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.io.Plausible;
import dev.taw.io.TableAssembler;
import dev.taw.io.Timestamps;
import dev.taw.io.read.LineRecords;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Amazon CloudFront standard (legacy) access logs: W3C extended format, TAB-separated, named by the
 * {@code #Fields:} line (older distributions logged fewer fields; a header repeated in concatenated files
 * is applied again). Values are URL-encoded and decoded once, so a client's own {@code %2F}, logged as
 * {@code %252F}, reads {@code %2F}; {@code -} is missing. {@code date} + {@code time} become one
 * {@code time} column (the end of the request) and {@code time} − {@code time-taken} its start.
 *
 * <p>The viewer address {@code c-ip} is the source: {@code x-forwarded-for} is set by whatever sent the
 * request and can be forged, so it is kept as its own column, not trusted as the client.
 */
public final class CloudFrontImporter {
    /** Numeric fields (the range fields are "-" on nearly every request: kept as text, not imputed). */
    private static final Set<String> NUMBERS = Set.of("sc-bytes", "cs-bytes", "time-taken", "c-port", "time-to-first-byte", "sc-content-len");
    private static final String FORMAT = "CloudFront";

    /** The standard log's fields in AWS's default order; older distributions and copies without #Fields hold its first 23, 24, 26 … */
    static final List<String> DEFAULT_FIELDS = List.of("date", "time", "x-edge-location", "sc-bytes", "c-ip", "cs-method", "cs(Host)", "cs-uri-stem",
            "sc-status", "cs(Referer)", "cs(User-Agent)", "cs-uri-query", "cs(Cookie)", "x-edge-result-type", "x-edge-request-id", "x-host-header",
            "cs-protocol", "cs-bytes", "time-taken", "x-forwarded-for", "ssl-protocol", "ssl-cipher", "x-edge-response-result-type",
            "cs-protocol-version", "fle-status", "fle-encrypted-fields", "c-port", "time-to-first-byte", "x-edge-detailed-result-type",
            "sc-content-type", "sc-content-len", "sc-range-start", "sc-range-end");
    private static final java.util.regex.Pattern HEADERLESS = java.util.regex.Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d\t\\d\\d:\\d\\d:\\d\\d\t[A-Z]{3}\\d+(-[A-Z0-9]+)?\t\\d+\t[0-9a-fA-F.:]+\t.*");

    /** True for the first line of a CloudFront standard log, with its directives or (copies, older logs) without them. */
    public static boolean looksLikeCloudFront(String line) {
        return line.startsWith("#Version:") || line.startsWith("#Fields:") && line.contains("x-edge-") || headerless(line);
    }

    /** A record in the default field order without a #Fields line: date, time, edge location, bytes, client address, and 23 to 33 fields. */
    static boolean headerless(String line) {
        if (!HEADERLESS.matcher(line).matches()) return false;
        int n = line.split("\t", -1).length;
        return n >= 23 && n <= DEFAULT_FIELDS.size() + 1;
    }

    public ImportResult read(Path path, ProgressListener progress, CancelToken cancel) {
        return LineRecords.readText(path, progress, cancel, Run::new);
    }

    private static final class Run implements LineRecords.TextParser {
        private final LineRecords lr;
        private final Map<String, TextColumn.Builder> text = new LinkedHashMap<>();
        private final Map<String, NumberColumn.Builder> numbers = new LinkedHashMap<>();
        private final List<String> order = new ArrayList<>();
        private final TimeColumn.Builder time = new TimeColumn.Builder("time");
        private final TimeColumn.Builder started = new TimeColumn.Builder("request_start");
        private final NumberColumn.Builder port = new NumberColumn.Builder("dst_port");
        private String[] fields;
        private int iDate, iTime, iTaken, iProtocol;
        private String variant = FORMAT;
        private long headersReapplied;

        private long shortLines;

        Run(LineRecords lr) {
            this.lr = lr;
        }

        @Override public void accept(String raw, long no) {
            String line = lr.line(raw, no, variant);
            if (line == null) return;
            if (line.startsWith("#")) {
                if (line.startsWith("#Fields:")) useFields(line.substring("#Fields:".length()).strip().split("\\s+"), no);
                return; // #Version and other directives
            }
            if (fields == null) {
                if (!headerless(line)) throw new ImportException(lr.file + ":" + no + ": a CloudFront log without a #Fields line before its first record");
                int n = line.split("\t", -1).length;
                useFields(DEFAULT_FIELDS.subList(0, Math.min(n, DEFAULT_FIELDS.size())).toArray(String[]::new), no);
                variant = FORMAT + " [no #Fields line: AWS's default order, " + fields.length + " fields]";
            }
            lr.read++;
            String[] t = line.split("\t", -1);
            int used = t.length;
            while (used > 0 && t[used - 1].isEmpty()) used--; // a trailing TAB is one empty field more, not a broken line (CloudFront writes "-" for nothing)
            if (used > fields.length || used <= Math.max(iDate, iTime)) {
                lr.skip(no, variant, null, Reason.FIELD_COUNT, "expected " + fields.length + " fields, found " + t.length, line);
                return;
            }
            if (used < fields.length) { // the last fields left off, as older and copied logs do: read as missing ("-"), and counted
                String[] padded = java.util.Arrays.copyOf(t, fields.length);
                java.util.Arrays.fill(padded, used, fields.length, "-");
                t = padded;
                shortLines++;
            } else if (used < t.length) {
                t = java.util.Arrays.copyOf(t, used);
            }
            long end;
            try {
                end = LocalDate.parse(t[iDate]).atTime(LocalTime.parse(t[iTime])).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                lr.skip(no, variant, null, Reason.BAD_TIMESTAMP, "'date'+'time' = \"" + ImportIssue.snippet(t[iDate] + " " + t[iTime]) + "\"", line);
                return;
            }
            if (!Timestamps.inRange(end)) {
                lr.skip(no, variant, null, Reason.OUT_OF_RANGE, "'date'+'time' = \"" + ImportIssue.snippet(t[iDate] + " " + t[iTime]) + "\" is " + Timestamps.RANGE, line);
                return;
            }
            double[] num = new double[fields.length];
            for (int i = 0; i < fields.length; i++) {
                if (numbers.containsKey(fields[i]) && !t[i].equals("-")) {
                    num[i] = Cells.parseNumber(t[i]);
                    if (Double.isNaN(num[i])) {
                        lr.skip(no, variant, fields[i], Reason.NOT_A_NUMBER, "field " + (i + 1) + " '" + fields[i] + "' = \"" + ImportIssue.snippet(t[i]) + "\"", line);
                        return;
                    }
                    String implausible = Plausible.problem(fields[i], num[i]);
                    if (implausible != null) {
                        lr.skip(no, variant, fields[i], Reason.OUT_OF_RANGE, "field " + (i + 1) + " '" + fields[i] + "' = \"" + ImportIssue.snippet(t[i]) + "\" is "
                                + implausible, line);
                        return;
                    }
                }
            }
            for (int i = 0; i < fields.length; i++) {
                if (i == iDate || i == iTime) continue;
                NumberColumn.Builder n = numbers.get(fields[i]);
                if (n != null) {
                    if (t[i].equals("-")) n.addMissing(); else n.add(num[i]);
                } else {
                    text.get(fields[i]).add(t[i].equals("-") ? "" : decode(t[i]));
                }
            }
            time.add(end);
            double taken = iTaken < 0 || t[iTaken].equals("-") ? 0 : num[iTaken];
            started.add(end - Math.round(taken * 1000));
            String protocol = iProtocol < 0 ? "" : t[iProtocol];
            if (protocol.equals("https") || protocol.equals("wss")) port.add(443);
            else if (protocol.equals("http") || protocol.equals("ws")) port.add(80);
            else port.addMissing();
            lr.row(no);
        }

        private void useFields(String[] names, long no) {
            if (fields != null) {
                if (Arrays.equals(fields, names)) {
                    headersReapplied++;
                    return;
                }
                if (lr.rows > 0) {
                    throw new ImportException(lr.file + ":" + no + ": the #Fields list changes mid-file (" + fields.length + " → " + names.length
                            + " fields); open the files of each field list separately");
                }
            }
            if (new java.util.HashSet<>(Arrays.asList(names)).size() < names.length) {
                throw new ImportException(lr.file + ":" + no + ": the #Fields line names a field twice; each field must have a name of its own");
            }
            if (fields != null) { // a second, different list before any record: the first list's columns would stay empty
                order.clear();
                text.clear();
                numbers.clear();
            }
            fields = names;
            variant = "CloudFront standard [" + names.length + " fields]";
            List<String> list = Arrays.asList(names);
            iDate = list.indexOf("date");
            iTime = list.indexOf("time");
            iTaken = list.indexOf("time-taken");
            iProtocol = list.indexOf("cs-protocol");
            if (iDate < 0 || iTime < 0) throw new ImportException(lr.file + ":" + no + ": the #Fields line has no 'date' and 'time' fields");
            for (String f : names) {
                if (f.equals("date") || f.equals("time") || order.contains(f)) continue;
                order.add(f);
                if (NUMBERS.contains(f)) numbers.put(f, new NumberColumn.Builder(f));
                else text.put(f, new TextColumn.Builder(f));
            }
        }

        @Override public ImportResult finish() {
            if (fields == null) throw new ImportException(lr.nothingRead());
            if (lr.read == 0) throw new ImportException(lr.file + ": has a #Fields line but no requests");
            if (lr.rows == 0) throw new ImportException(lr.file + ": no request could be imported; first problem: " + lr.issues.get(0));
            if (headersReapplied > 0) lr.warnings.add(headersReapplied + " header line(s) found mid-file (concatenated files) and applied");
            if (shortLines > 0) lr.warnings.add(String.format("%,d line(s) had fewer fields than #Fields; the fields left off were read as missing", shortLines));
            TableAssembler a = new TableAssembler().derived(time.build(), Role.TIME, Role.END_TIME).derived(started.build(), Role.CREATION_TIME);
            for (String f : order) {
                Column c = numbers.containsKey(f) ? numbers.get(f).build() : text.get(f).build();
                Role[] plays = switch (f) {
                    case "c-ip" -> new Role[] {Role.SRC_IP};
                    case "cs-bytes" -> new Role[] {Role.BYTES_IN};
                    case "sc-bytes" -> new Role[] {Role.BYTES_OUT};
                    case "sc-status" -> new Role[] {Role.RESPONSE_CODE};
                    case "cs-protocol" -> new Role[] {Role.PROTOCOL};
                    default -> new Role[0];
                };
                switch (f) {
                    case "c-ip" -> a.fieldAs(c, "src_ip", plays);
                    case "cs-bytes" -> a.fieldAs(c, "bytes_in", plays);
                    case "sc-bytes" -> a.fieldAs(c, "bytes_out", plays);
                    default -> a.field(c, plays);
                }
            }
            a.derived(port.build(), Role.DST_PORT);
            return lr.result(a, List.of(), variant);
        }
    }

    /** Decodes %XX escapes once (as UTF-8); a '%' not followed by two hex digits is kept as it is. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%' && i + 2 < b.length && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
                out.write(hex(b[i + 1]) << 4 | hex(b[i + 2]));
                i += 2;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
