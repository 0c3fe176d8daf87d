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
import dev.taw.net.AddressClass;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Application Load Balancer access logs: one request per line, space-separated, some fields quoted. Read
 * with a scanner, not a split: quoted fields keep spaces and {@code \"} escapes, {@code \x22} stays as text;
 * {@code -} and {@code "-"} are missing and {@code -1} timings mean "not measured". Fields 1–13 (through the
 * request line) are required; older files with fewer of the 33 fields and newer ones with more are read,
 * extras kept as {@code extra_N}. IPv6 {@code client:port} is split at the last colon.
 */
public final class AlbImporter {
    /** Fields one line may have: ALB's 33 of today and room for many more to come, not a hundred thousand. */
    public static final int MAX_FIELDS = 256;

    static final List<String> FIELDS = List.of("type", "time", "elb", "client:port", "target:port", "request_processing_time",
            "target_processing_time", "response_processing_time", "elb_status_code", "target_status_code", "received_bytes", "sent_bytes",
            "request", "user_agent", "ssl_cipher", "ssl_protocol", "target_group_arn", "trace_id", "domain_name", "chosen_cert_arn",
            "matched_rule_priority", "request_creation_time", "actions_executed", "redirect_url", "error_reason", "target:port_list",
            "target_status_code_list", "classification", "classification_reason", "conn_trace_id", "transformed_host", "transformed_uri",
            "request_transform_status");
    static final int REQUIRED = 13;
    private static final Set<String> TYPES = Set.of("http", "https", "h2", "grpcs", "ws", "wss");
    private static final Set<String> NUMBERS = Set.of("request_processing_time", "target_processing_time", "response_processing_time",
            "received_bytes", "sent_bytes");
    private static final Set<String> TIMES = Set.of("time", "request_creation_time");

    /** The first token is a listener type and the second an ISO instant. */
    public static boolean looksLikeAlb(String line) {
        List<String> t = tokens(line);
        return t != null && t.size() >= REQUIRED && TYPES.contains(t.get(0)) && t.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }

    /** Splits one line into fields; quoted fields lose their quotes and {@code \"} becomes {@code "}. Null: unterminated quote. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>(40);
        int i = 0, n = line.length();
        StringBuilder b = new StringBuilder();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            b.setLength(0);
            if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < n && line.charAt(i + 1) == '"') {
                        b.append('"');
                        i += 2;
                    } else if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        b.append(d);
                        i++;
                    }
                }
                if (!closed) return null;
            } else {
                while (i < n && line.charAt(i) != ' ') b.append(line.charAt(i++));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** For tests that build lines from fields: the fields re-quoted where they hold spaces. */
    static List<String> tokensForTest(String line) {
        return tokens(line).stream().map(t -> t.contains(" ") || t.isEmpty() ? "\"" + t.replace("\"", "\\\"") + "\"" : t).toList();
    }

    public ImportResult read(Path path, ProgressListener progress, CancelToken cancel) {
        return LineRecords.readText(path, progress, cancel, Run::new);
    }

    private static final class Run implements LineRecords.TextParser {
        private final LineRecords lr;
        private final Map<String, TextColumn.Builder> text = new LinkedHashMap<>();
        private final Map<String, NumberColumn.Builder> numbers = new LinkedHashMap<>();
        private final Map<String, TimeColumn.Builder> times = new LinkedHashMap<>();
        private final List<String> order = new ArrayList<>();
        private final java.util.Set<String> known = new java.util.HashSet<>();
        private final TextColumn.Builder client = new TextColumn.Builder("src_ip");
        private final TextColumn.Builder target = new TextColumn.Builder("dst_ip");
        private final NumberColumn.Builder port = new NumberColumn.Builder("dst_port");
        private final TextColumn.Builder protocol = new TextColumn.Builder("protocol_name");
        private final TextColumn.Builder method = new TextColumn.Builder("method");
        private final TextColumn.Builder host = new TextColumn.Builder("host");
        private final TextColumn.Builder urlPath = new TextColumn.Builder("path");
        private final TextColumn.Builder query = new TextColumn.Builder("query");
        private int widest;

        Run(LineRecords lr) {
            this.lr = lr;
        }

        @Override public void accept(String raw, long lineNo) {
            String line = lr.line(raw, lineNo, "ALB");
            if (line == null) return;
            lr.read++;
            List<String> t = tokens(line);
            if (t == null) {
                skip(lineNo, null, Reason.UNTERMINATED_QUOTE, "a quoted field is never closed", line);
                return;
            }
            if (t.size() < REQUIRED) {
                skip(lineNo, null, Reason.FIELD_COUNT, "expected at least " + REQUIRED + " fields, found " + t.size(), line);
                return;
            }
            if (t.size() > MAX_FIELDS) { // today's ALB lines have 33; a line of thousands is not one, and each would become a column
                skip(lineNo, null, Reason.FIELD_COUNT, "expected at most " + MAX_FIELDS + " fields, found " + t.size(), line);
                return;
            }
            // an NLB's TLS listener writes "tls 2.0 <time> net/<name>/…": its client is field 6, so field 4 is no address
            if (t.get(0).equals("tls") && t.get(1).matches("\\d+\\.\\d+") && t.get(3).startsWith("net/")) {
                skip(lineNo, null, Reason.OTHER_FORMAT, "a Network Load Balancer (TLS listener) line, not an ALB request; NLB logs are not read", line);
                return;
            }
            String[] clientAddr = hostPort(t.get(3));
            if (clientAddr == null || AddressClass.parse(clientAddr[0]) == null) {
                skip(lineNo, "client:port", Reason.BAD_IP, "field 4 'client:port' = \"" + ImportIssue.snippet(t.get(3)) + "\"", line);
                return;
            }
            double[] num = new double[t.size()];
            long[] time = new long[t.size()];
            for (int i = 0; i < t.size(); i++) {
                String f = name(i), v = t.get(i);
                if (missing(v)) continue;
                if (NUMBERS.contains(f)) {
                    num[i] = Cells.parseNumber(v);
                    if (Double.isNaN(num[i]) && !v.equals("-1")) {
                        skip(lineNo, f, Reason.NOT_A_NUMBER, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(v) + "\"", line);
                        return;
                    }
                    String implausible = Plausible.problem(f, num[i]);
                    if (implausible != null) {
                        skip(lineNo, f, Reason.OUT_OF_RANGE, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(v) + "\" is " + implausible, line);
                        return;
                    }
                } else if (TIMES.contains(f)) {
                    try {
                        time[i] = Timestamps.parseMillis(v);
                    } catch (RuntimeException e) {
                        skip(lineNo, f, Reason.BAD_TIMESTAMP, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(v) + "\""
                                + (Timestamps.RANGE.equals(e.getMessage()) ? " is " + Timestamps.RANGE : ""), line);
                        return;
                    }
                }
            }
            widest = Math.max(widest, t.size());
            for (int i = 0; i < Math.max(t.size(), order.size()); i++) {
                String f = name(i);
                ensure(f);
                String v = i < t.size() ? t.get(i) : "-";
                boolean absent = missing(v) || (f.endsWith("processing_time") && v.equals("-1")); // -1: not measured
                if (NUMBERS.contains(f)) {
                    if (absent) numbers.get(f).addMissing(); else numbers.get(f).add(num[i]);
                } else if (TIMES.contains(f)) {
                    if (absent) times.get(f).addMissing(); else times.get(f).add(time[i], Timestamps.subMillisMicros(v));
                } else {
                    text.get(f).add(missing(v) ? "" : v);
                }
            }
            client.add(clientAddr[0]);
            String[] targetAddr = hostPort(t.get(4));
            target.add(targetAddr == null ? "" : targetAddr[0]);
            protocol.add(t.get(0).toUpperCase(java.util.Locale.ROOT));
            request(t.get(12));
            lr.row(lineNo);
        }

        /** "METHOD scheme://host:port/path?query HTTP/x.y": split at the first and last space; parts may be "-". */
        private void request(String r) {
            int a = r.indexOf(' '), b = r.lastIndexOf(' ');
            String m = a > 0 ? r.substring(0, a) : "", url = a > 0 && b > a ? r.substring(a + 1, b) : "";
            method.add(m.equals("-") ? "" : m);
            String rest = url;
            int scheme = rest.indexOf("://");
            String scheme_ = scheme > 0 ? rest.substring(0, scheme) : "";
            if (scheme > 0) rest = rest.substring(scheme + 3);
            int slash = rest.indexOf('/');
            String authority = slash >= 0 ? rest.substring(0, slash) : rest;
            String pathAndQuery = slash >= 0 ? rest.substring(slash) : "";
            int colon = authority.lastIndexOf(':');
            String h = colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
            double p = colon > 0 ? Cells.parseNumber(authority.substring(colon + 1)) : Double.NaN;
            if (Double.isNaN(p)) p = scheme_.equals("http") ? 80 : scheme_.equals("https") ? 443 : Double.NaN;
            host.add(h);
            if (Double.isNaN(p)) port.addMissing(); else port.add(p);
            int q = pathAndQuery.indexOf('?');
            urlPath.add(q >= 0 ? pathAndQuery.substring(0, q) : pathAndQuery);
            query.add(q >= 0 ? pathAndQuery.substring(q + 1) : "");
        }

        private static String[] hostPort(String v) {
            if (missing(v)) return null;
            int c = v.lastIndexOf(':'); // IPv6 is written without brackets: the port follows the last colon
            if (c <= 0) return null;
            return new String[] {v.substring(0, c), v.substring(c + 1)};
        }

        private static boolean missing(String v) {
            return v.isEmpty() || v.equals("-");
        }

        private String name(int i) {
            return i < FIELDS.size() ? FIELDS.get(i) : "extra_" + (i + 1);
        }

        /** A new column starts with empty cells for the rows read before it appeared (older files had fewer fields). */
        private void ensure(String f) {
            if (!known.add(f)) return;
            order.add(f);
            if (NUMBERS.contains(f)) {
                numbers.put(f, new NumberColumn.Builder(f));
                for (int r = 0; r < lr.rows; r++) numbers.get(f).addMissing();
            } else if (TIMES.contains(f)) {
                times.put(f, new TimeColumn.Builder(f));
                for (int r = 0; r < lr.rows; r++) times.get(f).addMissing();
            } else {
                text.put(f, new TextColumn.Builder(f));
                for (int r = 0; r < lr.rows; r++) text.get(f).add("");
            }
        }

        private void skip(long line, String column, Reason reason, String detail, String raw) {
            lr.skip(line, "ALB", column, reason, detail, raw);
        }

        @Override public ImportResult finish() {
            if (lr.read == 0) throw new ImportException(lr.nothingRead());
            if (lr.rows == 0) throw new ImportException(lr.file + ": no ALB request could be imported; first problem: " + lr.issues.get(0));
            TableAssembler a = new TableAssembler().derived(client.build(), Role.SRC_IP).derived(target.build(), Role.DST_IP)
                    .derived(port.build(), Role.DST_PORT).derived(protocol.build(), Role.PROTOCOL)
                    .all(List.of(method.build(), host.build(), urlPath.build(), query.build()));
            for (String f : order) {
                Column c = NUMBERS.contains(f) ? numbers.get(f).build() : TIMES.contains(f) ? times.get(f).build() : text.get(f).build();
                Role[] plays = switch (f) {
                    case "received_bytes" -> new Role[] {Role.BYTES_IN};
                    case "sent_bytes" -> new Role[] {Role.BYTES_OUT};
                    case "time" -> new Role[] {Role.TIME, Role.END_TIME};
                    case "request_creation_time" -> new Role[] {Role.CREATION_TIME};
                    case "elb_status_code" -> new Role[] {Role.RESPONSE_CODE};
                    case "actions_executed" -> new Role[] {Role.RULE_NAMES};
                    default -> new Role[0];
                };
                if (f.endsWith("processing_time")) a.derived(c, plays); // -1 (no target answered) is a fact, not a gap to fill
                else if (f.equals("received_bytes")) a.fieldAs(c, "bytes_in", plays);
                else if (f.equals("sent_bytes")) a.fieldAs(c, "bytes_out", plays);
                else a.field(c, plays);
            }
            List<String> extra = order.stream().filter(f -> f.startsWith("extra_")).toList();
            return lr.result(a, extra, "ALB access log [" + widest + " fields]");
        }
    }
}
