// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.io.TableAssembler;
import dev.taw.io.Timestamps;
import dev.taw.io.read.LineReader;
import dev.taw.io.read.LineRecords;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * AWS WAF (v2) web ACL logs: JSON objects, one per line or concatenated with no newline between them
 * (Firehose copies), read with Jackson. Only the top-level {@code action} is the verdict (nested rule
 * actions say BLOCK or COUNT even when the request was allowed); header names are matched ignoring case;
 * missing keys, {@code null} and {@code []} are normal. WAF logs carry no byte counts, so the features
 * that need them are left out.
 */
public final class WafImporter {
    /** Made on first use: format detection asks every file whether it is WAF, and Jackson takes a quarter second to start. */
    private static final class Json {
        static final ObjectReader READER = new ObjectMapper().readerFor(JsonNode.class);
    }

    /** A JSON object with a web ACL id, or a terminating rule and an HTTP request. */
    public static boolean looksLikeWaf(String line) {
        String t = line.strip();
        return t.startsWith("{") && (t.contains("\"webaclId\"") || (t.contains("\"terminatingRuleId\"") && t.contains("\"httpRequest\"")));
    }

    public ImportResult read(Path path, ProgressListener progress, CancelToken cancel) {
        return LineRecords.readText(path, progress, cancel, Columns::new);
    }

    private static final class Columns implements LineRecords.TextParser {
        private final LineRecords lr;
        private final TimeColumn.Builder time = new TimeColumn.Builder("timestamp");
        private final TextColumn.Builder ip = new TextColumn.Builder("src_ip");
        private final TextColumn.Builder country = new TextColumn.Builder("src_ip_country_code");
        private final TextColumn.Builder action = new TextColumn.Builder("action");
        private final TextColumn.Builder rules = new TextColumn.Builder("rule_names");
        private final TextColumn.Builder detection = new TextColumn.Builder("detection_types");
        private final TextColumn.Builder ruleType = new TextColumn.Builder("terminatingRuleType");
        private final TextColumn.Builder version = new TextColumn.Builder("httpVersion");
        private final TextColumn.Builder method = new TextColumn.Builder("method");
        private final TextColumn.Builder host = new TextColumn.Builder("host");
        private final TextColumn.Builder uri = new TextColumn.Builder("uri");
        private final TextColumn.Builder args = new TextColumn.Builder("args");
        private final TextColumn.Builder agent = new TextColumn.Builder("user_agent");
        private final TextColumn.Builder labels = new TextColumn.Builder("labels");
        private final TextColumn.Builder source = new TextColumn.Builder("httpSourceName");
        private final TextColumn.Builder acl = new TextColumn.Builder("webaclId");
        private final NumberColumn.Builder responseCode = new NumberColumn.Builder("responseCodeSent");
        private long allowed;

        Columns(LineRecords lr) {
            this.lr = lr;
        }

        /** A record spread over several lines (pretty-printed JSON) may take at most this many. */
        static final int MAX_RECORD_LINES = 10_000;

        private StringBuilder pending;   // the lines of a record not yet complete
        private long pendingStart;       // the line it started on
        private int pendingLines;
        private int resyncIndent = -1;   // after a broken record, how far in the next record starts; -1 when in step

        /**
         * JSON objects in any layout: one per line, several on a line ("}{", as Firehose writes them), one spread
         * over many lines (pretty-printed, as the console and the documentation show them), or a top-level array.
         * Lines are gathered until what they hold parses; a record is reported by the line it starts on.
         */
        @Override public void accept(String line, long no) {
            String text = lr.line(line, no, "WAF");
            if (text == null) return;
            if (resyncIndent >= 0) { // after a broken record: its remaining lines go with it, up to the next record
                if (!(text.strip().startsWith("{") && indent(text) == resyncIndent)) return;
                resyncIndent = -1;
            }
            if (pending == null) {
                String t = separators(text);
                if (t.isEmpty()) return; // "[", "]" or "," of a top-level array
                pending = new StringBuilder(t);
                pendingStart = no;
                pendingLines = 1;
            } else {
                pending.append('\n').append(text);
                pendingLines++;
            }
            parse(false);
        }

        /** The text without an array's brackets and commas around it. */
        private static String separators(String text) {
            String t = text.strip();
            while (!t.isEmpty() && (t.charAt(0) == '[' || t.charAt(0) == ',')) t = t.substring(1).strip();
            while (!t.isEmpty() && (t.charAt(t.length() - 1) == ']' || t.charAt(t.length() - 1) == ',')) t = t.substring(0, t.length() - 1).strip();
            return t;
        }

        /** Parses what is pending; waits for more lines while a record is still open, unless {@code atEnd}. */
        private void parse(boolean atEnd) {
            String text = separators(pending.toString());
            List<JsonNode> values = new ArrayList<>();
            try (MappingIterator<JsonNode> it = Json.READER.readValues(text)) {
                while (it.hasNextValue()) values.add(it.nextValue());
            } catch (IOException | RuntimeException e) {
                boolean open = e instanceof JsonEOFException || e.getCause() instanceof JsonEOFException;
                if (open && !atEnd && pendingLines < MAX_RECORD_LINES && pending.length() < LineReader.MAX_LINE_BYTES) return; // more lines to come
                values.forEach(this::record);
                if (restartAtNextRecord(atEnd)) return;
                lr.read++;
                boolean inStep = text.strip().endsWith("}"); // the broken record's last line came in: the next line starts afresh
                skip(pendingStart, Reason.INVALID_JSON, words(e, open) + (inStep || atEnd ? "" : "; its remaining lines, up to the next record, go with it"), text);
                if (!inStep) resyncIndent = indent(pending.toString());
                pending = null;
                return;
            }
            values.forEach(this::record);
            pending = null;
        }

        /**
         * A record left open (cut short, or broken), then the next one begins on a line of its own, as far in as the
         * first one began: the open one is one bad record, reported by its first line, and reading goes on from the
         * line the next one starts on, so it is not lost. (A nested object in a pretty-printed record is further in.)
         */
        private boolean restartAtNextRecord(boolean atEnd) {
            String[] lines = pending.toString().split("\n", -1);
            int indent = indent(lines[0]);
            int next = -1;
            for (int k = 1; k < lines.length && next < 0; k++) if (lines[k].strip().startsWith("{") && indent(lines[k]) == indent) next = k;
            if (next < 0) return false;
            lr.read++;
            skip(pendingStart, Reason.INVALID_JSON, "the record is not closed before the next one starts",
                    String.join("\n", java.util.Arrays.copyOf(lines, next)));
            pending = new StringBuilder(String.join("\n", java.util.Arrays.copyOfRange(lines, next, lines.length)));
            pendingStart += next;
            pendingLines = lines.length - next;
            parse(atEnd);
            return true;
        }

        private static int indent(String line) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '[' || line.charAt(i) == ',')) i++;
            return i;
        }

        /** Jackson's reason in our words: where in the record, what was wrong, without its internal source notes. */
        private String words(Exception e, boolean open) {
            if (open) {
                return pendingLines >= MAX_RECORD_LINES ? "a record is not closed within " + MAX_RECORD_LINES + " lines"
                        : "the record is not closed (the file or the record ends too early)";
            }
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            if (why == null) return "not valid JSON";
            why = why.lines().findFirst().orElse(why).replaceAll("\\s*\\(?\\[Source:.*$", "").replaceAll("\\s*\\(start marker at.*$", "").strip();
            if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
                return "not valid JSON at line " + (pendingStart + j.getLocation().getLineNr() - 1) + ", column " + j.getLocation().getColumnNr() + ": " + why;
            }
            return "not valid JSON: " + why;
        }

        private void record(JsonNode n) {
            lr.read++;
            JsonNode ts = n.path("timestamp");
            if (ts.canConvertToLong() && !Timestamps.inRange(ts.asLong()) || ts.isNumber() && !ts.canConvertToLong()) {
                skip(pendingStart, Reason.OUT_OF_RANGE, "'timestamp' = " + ImportIssue.snippet(ts.asText()) + " is " + Timestamps.RANGE, n.toString());
                return;
            }
            if (!n.isObject() || !n.has("httpRequest")) {
                skip(pendingStart, Reason.FIELD_COUNT, "expected a WAF record with 'httpRequest', found " + (n.isObject() ? "an object without it" : n.getNodeType()),
                        n.toString());
                return;
            }
            add(n, pendingStart);
        }

        void add(JsonNode n, long line) {
            JsonNode req = n.path("httpRequest");
            if (n.path("timestamp").canConvertToLong()) time.add(n.path("timestamp").asLong()); else time.addMissing();
            ip.add(req.path("clientIp").asText(""));
            String cc = req.path("country").asText("");
            country.add(cc.equals("-") ? "" : cc);
            String verdict = n.path("action").asText("");
            if (verdict.equals("ALLOW")) allowed++;
            action.add(verdict);
            List<String> fired = new ArrayList<>();
            String terminating = n.path("terminatingRuleId").asText("");
            if (!terminating.isEmpty() && !terminating.equals("Default_Action")) fired.add(terminating);
            for (JsonNode r : n.path("nonTerminatingMatchingRules")) fired.add(r.path("ruleId").asText() + " (" + r.path("action").asText() + ")");
            for (JsonNode g : n.path("ruleGroupList")) {
                JsonNode t = g.path("terminatingRule");
                if (t.isObject()) fired.add(g.path("ruleGroupId").asText() + "/" + t.path("ruleId").asText());
            }
            rules.add(String.join(", ", fired));
            detection.add(fired.isEmpty() ? "" : "waf_rule");
            ruleType.add(n.path("terminatingRuleType").asText(""));
            version.add(req.path("httpVersion").asText(""));
            method.add(req.path("httpMethod").asText(""));
            host.add(header(req, "host"));
            uri.add(req.path("uri").asText(""));
            args.add(req.path("args").asText(""));
            agent.add(header(req, "user-agent"));
            List<String> l = new ArrayList<>();
            for (JsonNode x : n.path("labels")) l.add(x.path("name").asText());
            labels.add(String.join(", ", l));
            source.add(n.path("httpSourceName").asText(""));
            acl.add(n.path("webaclId").asText(""));
            if (n.path("responseCodeSent").isNumber()) responseCode.add(n.path("responseCodeSent").asDouble()); else responseCode.addMissing();
            lr.row(line);
        }

        /** Header names come in the client's case: "Host" and "host" are the same header. */
        private static String header(JsonNode req, String name) {
            for (JsonNode h : req.path("headers")) if (h.path("name").asText().equalsIgnoreCase(name)) return h.path("value").asText("");
            return "";
        }

        void skip(long line, Reason reason, String detail, String raw) {
            lr.skip(line, "WAF", null, reason, detail, raw);
        }

        @Override public ImportResult finish() {
            if (pending != null) parse(true);
            if (lr.read == 0) throw new ImportException(lr.nothingRead());
            if (lr.rows == 0) throw new ImportException(lr.file + ": no WAF record could be imported; first problem: " + lr.issues.get(0));
            if (allowed == 0) lr.warnings.add("no ALLOW records: the web ACL's logging filter may keep only BLOCK/COUNT, so rates are biased");
            TableAssembler a = new TableAssembler().derived(time.build(), Role.TIME, Role.CREATION_TIME, Role.END_TIME).derived(ip.build(), Role.SRC_IP)
                    .derived(country.build(), Role.SRC_IP_COUNTRY_CODE)
                    .derived(action.build(), Role.VERDICT) // ALLOW / BLOCK / CAPTCHA / CHALLENGE
                    .derived(rules.build(), Role.RULE_NAMES).derived(detection.build(), Role.DETECTION_TYPES).derived(ruleType.build())
                    .derived(version.build(), Role.PROTOCOL)
                    .all(List.of(method.build(), host.build(), uri.build(), args.build(), agent.build(), labels.build(), source.build(), acl.build(),
                            responseCode.build()));
            return lr.result(a, List.of(), "WAF log [JSON]");
        }
    }
}
