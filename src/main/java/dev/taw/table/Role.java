// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.util.Locale;
import java.util.Optional;

/**
 * What a column means to the analysis, whatever a format calls it: the VPC flow log's {@code srcaddr}, the ALB
 * log's {@code client:port} and CloudFront's {@code c-ip} all play {@link #SRC_IP}. The names are the CloudWatch
 * export's headers, the first format the workbench read, and are how filters and messages name a role. CSV
 * headers are matched by {@link #normalise(String)}, so {@code Response Code}, {@code response.code} and
 * {@code RESPONSE_CODE} all name {@link #RESPONSE_CODE}.
 */
public enum Role {
    BYTES_IN("bytes_in", Kind.NUMBER, true),
    BYTES_OUT("bytes_out", Kind.NUMBER, true),
    CREATION_TIME("creation_time", Kind.TIME, false),
    END_TIME("end_time", Kind.TIME, false),
    SRC_IP("src_ip", Kind.TEXT, false),
    SRC_IP_COUNTRY_CODE("src_ip_country_code", Kind.TEXT, false),
    PROTOCOL("protocol", Kind.TEXT, false),
    /** The HTTP status a server answered (CloudWatch export, ALB, CloudFront). */
    RESPONSE_CODE("response.code", Kind.TEXT, false),
    /** What a firewall or WAF decided: a flow log's ACCEPT / REJECT, a WAF's ALLOW / BLOCK / CAPTCHA / CHALLENGE. */
    VERDICT("verdict", Kind.TEXT, false, false),
    DST_PORT("dst_port", Kind.NUMBER, false),
    DST_IP("dst_ip", Kind.TEXT, false),
    RULE_NAMES("rule_names", Kind.TEXT, false),
    OBSERVATION_NAME("observation_name", Kind.TEXT, false),
    SOURCE_META("source.meta", Kind.TEXT, false),
    SOURCE_NAME("source.name", Kind.TEXT, false),
    TIME("time", Kind.TIME, false),
    DETECTION_TYPES("detection_types", Kind.TEXT, false);

    /** How a field's cells are parsed and stored. */
    public enum Kind { NUMBER, TIME, TEXT }

    private final String header;
    private final Kind kind;
    private final boolean required;
    private final boolean exportColumn;

    Role(String header, Kind kind, boolean required) {
        this(header, kind, required, true);
    }

    Role(String header, Kind kind, boolean required, boolean exportColumn) {
        this.header = header;
        this.kind = kind;
        this.required = required;
        this.exportColumn = exportColumn;
    }

    /** A column of the CloudWatch export (its 16 columns); the others only raw logs fill. */
    public boolean exportColumn() { return exportColumn; }

    /** The HTTP status or, in logs that have one, the verdict: what the outcome charts show, or null. */
    public static Role outcomeOf(Table t) {
        if (t.column(VERDICT).isPresent()) return VERDICT;
        return t.column(RESPONSE_CODE).isPresent() ? RESPONSE_CODE : null;
    }

    /** The time the timeline and the host timing use: when the row happened, else when it started or ended; or null. */
    public static Role timeOf(Table t) {
        for (Role f : new Role[] {TIME, CREATION_TIME, END_TIME}) {
            if (t.time(f).isPresent()) return f;
        }
        return null;
    }

    /** The header as the seed export spells it. */
    public String header() { return header; }

    public Kind kind() { return kind; }

    public boolean required() { return required; }

    /** Lower case without spaces, dots, underscores or hyphens. */
    public static String normalise(String header) {
        StringBuilder b = new StringBuilder(header.length());
        for (char c : header.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '.' && c != '_' && c != '-' && !Character.isWhitespace(c)) b.append(c);
        }
        return b.toString();
    }

    public static Optional<Role> byHeader(String header) {
        String key = normalise(header);
        for (Role f : values()) if (normalise(f.header).equals(key)) return Optional.of(f);
        return Optional.empty();
    }
}
