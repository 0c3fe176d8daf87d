// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

/**
 * A number for each source host, over the whole log, for the host forest: what a port scan, a brute force or
 * a scraper does across hundreds of rows that no single row shows. Declared in the order the forest sees them.
 */
public enum HostFeature {
    RECORDS("flows", "log(rows of this host)"),
    PORTS("ports", "log(1 + distinct destination ports)"),
    HOSTS("hosts", "log(1 + distinct destination hosts)"),
    DENIED("rejected", "share of its rows denied (REJECT, BLOCK, CAPTCHA, CHALLENGE)"),
    STATUS_4XX("4xx", "share of its requests refused or not found (HTTP 4xx): brute force, stuffing"),
    STATUS_5XX("5xx", "share of its requests ending in server errors (HTTP 5xx): fuzzers, injection"),
    PATHS("paths", "log(1 + distinct request paths): directory brute force, scraping"),
    TOOL_AGENT("tool agent", "share of its requests from a tool rather than a browser"),
    SYN_ONLY("syn-only", "share of its flows with only SYN set: scans and floods"),
    BYTES_IN("bytes in", "log(1 + bytes it sent us)"),
    BYTES_OUT("bytes out", "log(1 + bytes it received from us)"),
    PER_RECORD("per flow", "log(1 + bytes each way per row)"),
    REGULARITY("regularity", "1 / (1 + coefficient of variation of the gaps between its start times): beacons tick");

    private final String label;
    private final String description;

    HostFeature(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** Short name, as the host list and the report show it. */
    public String label() { return label; }

    public String description() { return description; }
}
