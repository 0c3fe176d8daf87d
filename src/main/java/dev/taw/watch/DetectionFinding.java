// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taw.analysis.Explanation;
import dev.taw.analysis.Formats;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.IpStat;
import dev.taw.baseline.Baseline;
import dev.taw.features.HostKeys;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Alerts as OCSF 1.1.0 <i>Detection Finding</i> events (class 2004, category Findings), the schema AWS Security
 * Lake and many SIEMs ingest: one JSON object per suspicious host (and, when asked, per suspicious row), with the
 * host, the reasons in words, the source file and its lines, and the model that judged it. What OCSF has no
 * attribute for (the scores, the cut-off, the traffic) is under {@code unmapped}.
 *
 * <p>Each finding's {@code finding_info.uid} is made from the model, the file and the host, so a file scored twice
 * (after a crash between the alert and the state being saved) gives the same uid: a consumer can de-duplicate.
 */
final class DetectionFinding {
    static final String OCSF_VERSION = "1.1.0";
    static final int CLASS_UID = 2004, CATEGORY_UID = 2, ACTIVITY_CREATE = 1;
    /** A finding lists at most this many source lines; {@code line_count} says how many there were. */
    static final int MAX_LINES = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One alert: its JSON line and its OCSF severity_id. */
    record Alert(String json, int severity) { }

    /** What every finding of one scored file shares. */
    record Source(String file, long size, String format, String model, Baseline baseline, String tool, Instant at) { }

    private DetectionFinding() { }

    /** One JSON line per suspicious host, most suspicious first; then, when {@code rows}, one per suspicious row. */
    static List<Alert> of(Investigation inv, Source src, boolean rows) {
        List<Alert> out = new ArrayList<>();
        boolean hostForest = inv.analysis().hostScores() != null;
        // without a host forest (a baseline of under 50 hosts) a host with a suspicious row is the finding
        List<IpStat> flagged = inv.findings().hosts().stream().filter(h -> hostForest ? h.hostLabel() < 0 : h.suspicious() > 0).toList();
        if (!flagged.isEmpty()) {
            int[][] lines = linesOf(inv.analysis().table(), keys(inv), flagged);
            for (IpStat h : flagged) out.add(alert(host(inv, src, h, lines[h.code()])));
        }
        if (rows) {
            for (int r : inv.rowsByScore()) {
                if (inv.labels()[r] >= 0) break; // ranked by score: the suspicious come first
                out.add(alert(row(inv, src, r)));
            }
        }
        return out;
    }

    private static Alert alert(ObjectNode e) {
        return new Alert(e.toString(), e.get("severity_id").asInt());
    }

    private static ObjectNode host(Investigation inv, Source src, IpStat h, int[] lines) {
        boolean hostForest = inv.analysis().hostScores() != null;
        double score = hostForest ? h.hostScore() : h.maxScore();
        double cut = hostForest ? inv.analysis().hostScores().cutOff(inv.hostContamination()) : inv.findings().cutOff();
        double[] ladder = hostForest ? src.baseline().hostLadder() : src.baseline().rowLadder();
        int severity = severity(score, ladder, hostForest ? inv.hostContamination() : inv.contamination());
        String why = hostForest ? inv.analysis().explainHost(h) : "its most suspicious row: " + inv.analysis().explain(topRowOf(inv, h.code())).summary();
        String title = "Suspicious source host " + h.name();
        ObjectNode e = base(src, severity, score, title + " in " + src.file() + " (" + (hostForest ? "host" : "row") + " score " + Formats.score(score)
                + ", cut-off " + Formats.score(cut) + "): " + why);
        if (h.firstSeen() != IpStat.NEVER) {
            e.put("start_time", h.firstSeen());
            e.put("end_time", h.lastSeen());
        }
        ObjectNode info = info(e, uid(src, "host", h.window() == IpStat.NEVER ? h.ip() : h.ip() + " " + h.window()), title, why, "Anomalous source host",
                hostForest ? "Isolation Forest over what each source host did, against a baseline" : "Isolation Forest over rows, against a baseline", src);
        if (h.firstSeen() != IpStat.NEVER) {
            info.put("first_seen_time", h.firstSeen());
            info.put("last_seen_time", h.lastSeen());
        }
        observable(e, "src_endpoint.ip", h.ip());
        ObjectNode evidence = e.putArray("evidences").addObject();
        endpoint(evidence.putObject("src_endpoint"), h.ip(), h.country(), -1);
        data(evidence, src, lines);
        ObjectNode u = e.putObject("unmapped");
        u.put(hostForest ? "host_score" : "max_row_score", score);
        u.put("cut_off", cut);
        u.put("rows", h.rows());
        u.put("suspicious_rows", h.suspicious());
        if (!Double.isNaN(h.bytesIn())) u.put("bytes_in", h.bytesIn());
        if (!Double.isNaN(h.bytesOut())) u.put("bytes_out", h.bytesOut());
        model(u, src);
        return e;
    }

    private static ObjectNode row(Investigation inv, Source src, int r) {
        Table t = inv.analysis().table();
        Explanation x = inv.analysis().explain(r);
        int line = t.sourceLines() == null ? r + 1 : t.sourceLines()[r];
        String ip = text(t, Role.SRC_IP, r), dst = text(t, Role.DST_IP, r);
        int port = t.number(Role.DST_PORT).filter(c -> !c.isMissing(r)).map(c -> (int) c.get(r)).orElse(-1);
        double cut = inv.findings().cutOff();
        String title = "Suspicious log line " + line + (ip.isEmpty() ? "" : " from " + ip);
        ObjectNode e = base(src, severity(x.score(), src.baseline().rowLadder(), inv.contamination()), x.score(),
                title + " in " + src.file() + " (score " + Formats.score(x.score()) + ", cut-off " + Formats.score(cut) + "): " + x.summary());
        info(e, uid(src, "line", Integer.toString(line)), title, x.summary(), "Anomalous log line", "Isolation Forest over rows, against a baseline", src);
        if (!ip.isEmpty()) observable(e, "src_endpoint.ip", ip);
        if (!dst.isEmpty()) observable(e, "dst_endpoint.ip", dst);
        ObjectNode evidence = e.putArray("evidences").addObject();
        if (!ip.isEmpty()) endpoint(evidence.putObject("src_endpoint"), ip, text(t, Role.SRC_IP_COUNTRY_CODE, r), -1);
        if (!dst.isEmpty() || port >= 0) endpoint(evidence.putObject("dst_endpoint"), dst, "", port);
        int reply = t.column("reply_line").filter(c -> c instanceof NumberColumn n && !n.isMissing(r)).map(c -> (int) ((NumberColumn) c).get(r)).orElse(-1);
        data(evidence, src, reply > 0 ? new int[] {line, reply} : new int[] {line});
        ObjectNode u = e.putObject("unmapped");
        u.put("row_score", x.score());
        u.put("cut_off", cut);
        model(u, src);
        return e;
    }

    /** The attributes every event has (OCSF's base event and the Finding class). */
    private static ObjectNode base(Source src, int severity, double score, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("class_uid", CLASS_UID);
        e.put("class_name", "Detection Finding");
        e.put("category_uid", CATEGORY_UID);
        e.put("category_name", "Findings");
        e.put("activity_id", ACTIVITY_CREATE);
        e.put("activity_name", "Create");
        e.put("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
        e.put("type_name", "Detection Finding: Create");
        e.put("time", src.at().toEpochMilli());
        e.put("severity_id", severity);
        e.put("severity", SEVERITY[severity]);
        e.put("status_id", 1);
        e.put("status", "New");
        e.put("risk_score", (int) Math.round(score * 100));
        e.put("message", message);
        ObjectNode meta = e.putObject("metadata");
        meta.put("version", OCSF_VERSION);
        ObjectNode product = meta.putObject("product");
        product.put("name", "Traffic Anomaly Workbench");
        product.put("vendor_name", "Traffic Anomaly Workbench");
        product.put("version", src.tool());
        meta.put("log_name", src.file());
        meta.put("log_provider", src.format());
        return e;
    }

    private static ObjectNode info(ObjectNode e, String uid, String title, String desc, String type, String analytic, Source src) {
        ObjectNode info = e.putObject("finding_info");
        info.put("uid", uid);
        info.put("title", title);
        info.put("desc", desc);
        info.putArray("types").add(type);
        info.put("created_time", src.at().toEpochMilli());
        ObjectNode a = info.putObject("analytic");
        a.put("name", analytic);
        a.put("type_id", 4);
        a.put("type", "Learning (ML/DL)");
        info.putArray("data_sources").add(src.file());
        return info;
    }

    private static void observable(ObjectNode e, String name, String ip) {
        ArrayNode list = e.has("observables") ? (ArrayNode) e.get("observables") : e.putArray("observables");
        ObjectNode o = list.addObject();
        o.put("name", name);
        o.put("type_id", 2);
        o.put("type", "IP Address");
        o.put("value", ip);
    }

    private static void endpoint(ObjectNode n, String ip, String country, int port) {
        if (!ip.isEmpty()) n.put("ip", ip);
        if (port >= 0) n.put("port", port);
        if (country != null && !country.isEmpty() && !country.equals("-")) n.putObject("location").put("country", country);
    }

    private static void data(ObjectNode evidence, Source src, int[] lines) {
        ObjectNode d = evidence.putObject("data");
        d.put("file", src.file());
        ArrayNode l = d.putArray("lines");
        for (int i = 0; i < Math.min(MAX_LINES, lines.length); i++) l.add(lines[i]);
        d.put("line_count", lines.length);
    }

    private static void model(ObjectNode u, Source src) {
        u.put("model", src.model());
        u.put("model_trained", src.baseline().describe());
    }

    static final String[] SEVERITY = {"Unknown", "Informational", "Low", "Medium", "High", "Critical"};

    /**
     * Severity from where the score falls among the baseline's own scores (its ladder, highest first): above every
     * score the clean baseline had, High; in the top tenth of the share the cut-off flags, Medium; otherwise Low.
     * Critical is left to the analyst's correlation: one detector's score is not "broad scope".
     */
    static int severity(double score, double[] ladderDescending, double contamination) {
        if (ladderDescending.length == 0 || score > ladderDescending[0]) return 4;
        int atOrAbove = 0;
        while (atOrAbove < ladderDescending.length && ladderDescending[atOrAbove] >= score) atOrAbove++;
        return (double) atOrAbove / ladderDescending.length <= contamination / 10 ? 3 : 2;
    }

    /** The same model, file and subject give the same uid. */
    private static String uid(Source src, String kind, String subject) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            String key = src.model() + '\n' + src.baseline().trained().at() + '\n' + src.file() + '\n' + src.size() + '\n' + kind + '\n' + subject;
            return "taw-" + HexFormat.of().formatHex(d.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Who the run's hosts are: addresses, or addresses within context windows. */
    private static HostKeys keys(Investigation inv) {
        return inv.analysis().ipProfile().hosts();
    }

    /** The file lines of the given source hosts' rows (and their replies' lines, for connections), by host code; one pass over the rows. */
    private static int[][] linesOf(Table t, HostKeys ip, List<IpStat> hosts) {
        NumberColumn reply = t.column("reply_line").filter(c -> c instanceof NumberColumn).map(c -> (NumberColumn) c).orElse(null);
        int[] count = new int[ip.distinctCount()];
        boolean[] wanted = new boolean[count.length];
        for (IpStat h : hosts) wanted[h.code()] = true;
        for (int r = 0; r < t.rowCount(); r++) if (wanted[ip.code(r)]) count[ip.code(r)] += reply != null && !reply.isMissing(r) ? 2 : 1;
        int[][] lines = new int[count.length][];
        for (IpStat h : hosts) lines[h.code()] = new int[count[h.code()]];
        int[] fill = new int[count.length];
        for (int r = 0; r < t.rowCount(); r++) {
            int c = ip.code(r);
            if (!wanted[c]) continue;
            lines[c][fill[c]++] = t.sourceLines() == null ? r + 1 : t.sourceLines()[r];
            if (reply != null && !reply.isMissing(r)) lines[c][fill[c]++] = (int) reply.get(r);
        }
        for (IpStat h : hosts) java.util.Arrays.sort(lines[h.code()]);
        return lines;
    }

    private static int topRowOf(Investigation inv, int hostCode) {
        HostKeys ip = keys(inv);
        for (int r : inv.rowsByScore()) if (ip.code(r) == hostCode) return r;
        return 0;
    }

    private static String text(Table t, Role role, int r) {
        Column c = t.column(role).orElse(null);
        return c == null || c.isMissing(r) ? "" : c.format(r);
    }
}
