// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

/**
 * A number for each source host, over the whole log, for the host forest: what a port scan, a brute force or
 * a scraper does across hundreds of rows that no single row shows. Declared in the order the forest sees them.
 */
public enum HostFeature {
    RECORDS("flows", "log(rows of this host)", "all_rows", Scale.EXP),
    PORTS("ports", "log(1 + distinct destination ports)", "distinct_ports", Scale.EXPM1),
    HOSTS("hosts", "log(1 + distinct destination hosts)", "distinct_destinations", Scale.EXPM1),
    DENIED("rejected", "share of its rows denied (REJECT, BLOCK, CAPTCHA, CHALLENGE)", "denied_share", Scale.PLAIN),
    STATUS_4XX("4xx", "share of its requests refused or not found (HTTP 4xx): brute force, stuffing", "status_4xx_share", Scale.PLAIN),
    STATUS_5XX("5xx", "share of its requests ending in server errors (HTTP 5xx): fuzzers, injection", "status_5xx_share", Scale.PLAIN),
    PATHS("paths", "log(1 + distinct request paths): directory brute force, scraping", "distinct_paths", Scale.EXPM1),
    TOOL_AGENT("tool agent", "share of its requests from a tool rather than a browser", "tool_agent_share", Scale.PLAIN),
    SYN_ONLY("syn-only", "share of its flows with only SYN set: scans and floods", "syn_only_share", Scale.PLAIN),
    BYTES_IN("bytes in", "log(1 + bytes it sent us)", "all_bytes_in", Scale.EXPM1),
    BYTES_OUT("bytes out", "log(1 + bytes it received from us)", "all_bytes_out", Scale.EXPM1),
    PER_RECORD("per flow", "log(1 + bytes each way per row)", "bytes_per_row", Scale.EXPM1),
    REGULARITY("regularity", "1 / (1 + coefficient of variation of the gaps between its start times): beacons tick", "regularity", Scale.PLAIN);

    /** How the forest's value maps back to the analyst's unit (a count, bytes, a share). */
    private enum Scale { PLAIN, EXP, EXPM1 }

    private final String label;
    private final String description;
    private final String column;
    private final Scale scale;

    HostFeature(String label, String description, String column, Scale scale) {
        this.label = label;
        this.description = description;
        this.column = column;
        this.scale = scale;
    }

    /** The column of the hosts CSV: over the whole log, in the analyst's unit. */
    public String column() { return column; }

    /** The forest's value of this feature in the analyst's unit: a count of ports, bytes, a share in [0, 1]. */
    public double plain(double v) {
        return switch (scale) {
            case PLAIN -> v;
            case EXP -> Math.rint(Math.exp(v));
            case EXPM1 -> Math.rint(Math.expm1(v));
        };
    }

    /** Short name, as the host list and the report show it. */
    public String label() { return label; }

    public String description() { return description; }
}
