// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OCSF 1.1.0 Detection Finding class's required attributes, and the types and enums of what we fill, written
 * from the schema (ocsf-schema, tag v1.1.0: events/base_event.json with includes/classification.json and
 * includes/occurrence.json; events/findings/finding.json and detection_finding.json; objects/metadata.json,
 * product.json, finding_info.json, analytic.json, observable.json). The current schema (1.9-dev) requires no more
 * of these objects and relaxes finding_info.title and product.vendor_name to recommended, so an event that passes
 * here is valid there too.
 */
final class OcsfCheck {
    private static final Set<Integer> SEVERITY = Set.of(0, 1, 2, 3, 4, 5, 6, 99);
    private static final Set<Integer> FINDING_ACTIVITY = Set.of(0, 1, 2, 3, 99);
    private static final Set<Integer> FINDING_STATUS = Set.of(0, 1, 2, 3, 4, 99);
    private static final Set<Integer> ANALYTIC_TYPE = Set.of(0, 1, 2, 3, 4, 99);
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");

    private OcsfCheck() { }

    /** Everything wrong with the event; empty when it is a valid Detection Finding. */
    static List<String> problems(JsonNode e) {
        List<String> p = new ArrayList<>();
        if (e == null || !e.isObject()) return List.of("not a JSON object");
        // base event: classification, occurrence, severity, metadata
        integer(e, "class_uid", p, true);
        integer(e, "category_uid", p, true);
        integer(e, "activity_id", p, true);
        integer(e, "type_uid", p, true);
        integer(e, "severity_id", p, true);
        if (e.path("class_uid").asInt() != 2004) p.add("class_uid is not 2004 (Detection Finding)");
        if (e.path("category_uid").asInt() != 2) p.add("category_uid is not 2 (Findings)");
        if (!FINDING_ACTIVITY.contains(e.path("activity_id").asInt())) p.add("activity_id not in the Finding enum");
        if (e.path("type_uid").asLong() != e.path("class_uid").asLong() * 100 + e.path("activity_id").asLong()) p.add("type_uid is not class_uid * 100 + activity_id");
        if (!SEVERITY.contains(e.path("severity_id").asInt())) p.add("severity_id not in the enum");
        timestamp(e, "time", p, true);
        timestamp(e, "start_time", p, false);
        timestamp(e, "end_time", p, false);
        if (e.has("status_id") && !FINDING_STATUS.contains(e.path("status_id").asInt())) p.add("status_id not in the Finding enum");
        integer(e, "risk_score", p, false);
        string(e, "message", p, false);
        JsonNode meta = object(e, "metadata", p, true);
        if (meta != null) {
            string(meta, "version", p, true);
            if (!SEMVER.matcher(meta.path("version").asText()).matches()) p.add("metadata.version is not a semantic version");
            JsonNode product = object(meta, "product", p, true);
            if (product != null) string(product, "vendor_name", p, true); // required in 1.1.0
        }
        // Finding: finding_info
        JsonNode info = object(e, "finding_info", p, true);
        if (info != null) {
            string(info, "uid", p, true);
            string(info, "title", p, true); // required in 1.1.0
            timestamp(info, "created_time", p, false);
            timestamp(info, "first_seen_time", p, false);
            timestamp(info, "last_seen_time", p, false);
            JsonNode analytic = object(info, "analytic", p, false);
            if (analytic != null) {
                integer(analytic, "type_id", p, true);
                if (!ANALYTIC_TYPE.contains(analytic.path("type_id").asInt())) p.add("analytic.type_id not in the enum");
            }
        }
        if (e.has("observables")) {
            if (!e.get("observables").isArray()) p.add("observables is not an array");
            for (JsonNode o : e.path("observables")) {
                string(o, "name", p, true);
                integer(o, "type_id", p, true);
                if (o.path("type_id").asInt() == 2 && !IPV4.matcher(o.path("value").asText()).matches() && !o.path("value").asText().contains(":")) {
                    p.add("observable of type IP Address with value " + o.path("value"));
                }
            }
        }
        if (e.has("evidences") && !e.get("evidences").isArray()) p.add("evidences is not an array");
        for (JsonNode ev : e.path("evidences")) {
            for (String end : List.of("src_endpoint", "dst_endpoint")) {
                if (!ev.has(end)) continue;
                if (ev.get(end).has("port")) integer(ev.get(end), "port", p, true);
                if (ev.get(end).has("ip")) string(ev.get(end), "ip", p, true);
            }
        }
        return p;
    }

    private static JsonNode object(JsonNode n, String name, List<String> p, boolean required) {
        JsonNode v = n.get(name);
        if (v == null) {
            if (required) p.add("missing " + name);
            return null;
        }
        if (!v.isObject()) {
            p.add(name + " is not an object");
            return null;
        }
        return v;
    }

    private static void integer(JsonNode n, String name, List<String> p, boolean required) {
        JsonNode v = n.get(name);
        if (v == null) {
            if (required) p.add("missing " + name);
        } else if (!v.isIntegralNumber()) {
            p.add(name + " is not an integer: " + v);
        }
    }

    private static void string(JsonNode n, String name, List<String> p, boolean required) {
        JsonNode v = n.get(name);
        if (v == null) {
            if (required) p.add("missing " + name);
        } else if (!v.isTextual() || v.asText().isEmpty()) {
            p.add(name + " is not a non-empty string: " + v);
        }
    }

    /** OCSF timestamp_t: milliseconds since the epoch; here also a plausible one (2000 to 2100). */
    private static void timestamp(JsonNode n, String name, List<String> p, boolean required) {
        JsonNode v = n.get(name);
        if (v == null) {
            if (required) p.add("missing " + name);
        } else if (!v.isIntegralNumber() || v.asLong() < 946_684_800_000L || v.asLong() > 4_102_444_800_000L) {
            p.add(name + " is not epoch milliseconds: " + v);
        }
    }
}
