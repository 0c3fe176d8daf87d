// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.table.Role;
import java.util.List;

/**
 * A number derived from each row for the forest. Each feature names the input columns it needs; when
 * one is absent (or every row has the same value) the feature is left out and the summary says why.
 */
public enum Feature {
    BYTES_IN("bytes in (log)", "log(1 + bytes_in): how much the client sent", List.of(Role.BYTES_IN)),
    BYTES_OUT("bytes out (log)", "log(1 + bytes_out): how much the server sent back", List.of(Role.BYTES_OUT)),
    OUT_IN_RATIO("out/in ratio (log)", "log((1 + bytes_out) / (1 + bytes_in)): downloads and exfiltration are lopsided",
            List.of(Role.BYTES_IN, Role.BYTES_OUT)),
    DURATION("session length (s)", "end_time − creation_time in seconds", List.of(Role.CREATION_TIME, Role.END_TIME)),
    DST_PORT("destination port", "dst_port as a number: unusual services stand out", List.of(Role.DST_PORT)),
    STATUS_CLASS("HTTP status class", "first digit of response.code (2 = success, 4 = client error, 5 = server error)",
            List.of(Role.RESPONSE_CODE)),
    PROTOCOL_RARITY("protocol rarity", "share of rows with this protocol: rare protocols get small values", List.of(Role.PROTOCOL)),
    COUNTRY_RARITY("country rarity", "share of rows from this source country", List.of(Role.SRC_IP_COUNTRY_CODE)),
    IP_RECORDS("records from this IP (log)", "log(number of rows with this src_ip): one-off visitors vs regulars", List.of(Role.SRC_IP)),
    IP_VOLUME_DEVIATION("volume vs this IP's usual (log)",
            "log(1 + bytes_in + bytes_out) minus the median of the same over this IP's rows",
            List.of(Role.SRC_IP, Role.BYTES_IN, Role.BYTES_OUT)),
    REJECT_SHARE("denied share of this IP", "share of this src_ip's rows denied: firewall REJECT, WAF BLOCK/CAPTCHA/CHALLENGE (scans, probes, attacks)",
            List.of(Role.SRC_IP, Role.VERDICT)),
    PORT_BREADTH("ports this IP tried (log)", "log(1 + distinct dst_port of this src_ip): port scans touch many",
            List.of(Role.SRC_IP, Role.DST_PORT)),
    HOST_BREADTH("hosts this IP reached (log)", "log(1 + distinct dst_ip of this src_ip): network sweeps touch many",
            List.of(Role.SRC_IP, Role.DST_IP)),
    SYN_ONLY_SHARE("SYN-only share of this IP", "share of this src_ip's flows with tcp-flags = 2 (SYN, no answer): SYN scans and floods",
            List.of(Role.SRC_IP)),
    PORT_RARITY("port rarity", "share of rows to this dst_port: rarely used services stand out", List.of(Role.DST_PORT)),
    RULE_RARITY("rule rarity", "share of rows with the same rules fired (rule_names): rare rule hits stand out", List.of(Role.RULE_NAMES));

    private final String label;
    private final String description;
    private final List<Role> needs;

    Feature(String label, String description, List<Role> needs) {
        this.label = label;
        this.description = description;
        this.needs = needs;
    }

    /** Short name for charts, tables and the report. */
    public String label() { return label; }

    /** One sentence for tooltips and the README. */
    public String description() { return description; }

    public List<Role> needs() { return needs; }
}
