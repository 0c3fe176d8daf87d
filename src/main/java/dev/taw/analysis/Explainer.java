// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.features.Feature;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.IpProfile;
import dev.taw.model.TrainedForest;
import dev.taw.table.Column;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Explains a row by what-if: for each feature, set it to its typical (median) value, rescore, and see how
 * far the score falls. The biggest drops are the reasons, worded with the row's real values
 * ("bytes_out 1.1 MB, 40× the typical row (27.9 kB)").
 */
public final class Explainer {
    private final Table table;
    private final FeatureMatrix x;
    private final TrainedForest forest;
    private final IpProfile ip;
    private final String where; // what a rarity is relative to: this file, or the baseline

    /** @param ip the analysis's profile of source IPs, or null when the log has none */
    public Explainer(Table table, FeatureMatrix x, TrainedForest forest, IpProfile ip) {
        this(table, x, forest, ip, false);
    }

    /** @param baseline true when the typical values and rarities are a baseline's */
    public Explainer(Table table, FeatureMatrix x, TrainedForest forest, IpProfile ip, boolean baseline) {
        this.table = table;
        this.x = x;
        this.forest = forest;
        this.ip = ip;
        this.where = baseline ? "in the baseline" : "here";
    }

    public Explanation explain(int row) {
        double[] v = x.row(row);
        List<Explanation.Reason> reasons = new ArrayList<>();
        for (WhatIf.Drop d : WhatIf.reasons(forest, v, x.typical())) {
            Feature feature = x.features().get(d.feature());
            reasons.add(new Explanation.Reason(feature, d.drop(), words(feature, row, v[d.feature()], x.typical()[d.feature()])));
        }
        return new Explanation(row, forest.score(v), reasons);
    }

    private String words(Feature f, int row, double value, double typical) {
        return switch (f) {
            case BYTES_IN -> volume("bytes_in", Math.expm1(value), Math.expm1(typical));
            case BYTES_OUT -> volume("bytes_out", Math.expm1(value), Math.expm1(typical));
            case OUT_IN_RATIO -> String.format(Locale.ROOT, "sent back %s what came in (typical %s)",
                    Formats.ratio(Math.exp(value)), Formats.ratio(Math.exp(typical)));
            case DURATION -> String.format(Locale.ROOT, "session lasted %s (typical %s)", seconds(value), seconds(typical));
            case DST_PORT -> String.format(Locale.ROOT, "destination port %.0f (typical %.0f)", value, typical);
            case STATUS_CLASS -> String.format(Locale.ROOT, "HTTP status %s (typical %s)", cell(Role.RESPONSE_CODE, row),
                    typical == 0 ? "none" : String.format(Locale.ROOT, "%.0fxx", typical));
            case PROTOCOL_RARITY -> rare("protocol " + cell(Role.PROTOCOL, row), "is ", value);
            case COUNTRY_RARITY -> rare("source country " + cell(Role.SRC_IP_COUNTRY_CODE, row), "is ", value);
            case IP_RECORDS -> {
                long mine = Math.round(Math.exp(value));
                long usual = Math.round(Math.exp(typical));
                yield String.format(Locale.ROOT, "this IP has %s %d record%s (typical client: %d)",
                        mine < usual ? "only" : "", mine, mine == 1 ? "" : "s", usual).replace("has  ", "has ");
            }
            case RULE_RARITY -> rare("rules fired: " + cell(Role.RULE_NAMES, row) + ",", "", value);
            case REJECT_SHARE -> String.format(Locale.ROOT, "%s of this IP's traffic was denied (typical %s)",
                    Formats.percent(value), Formats.percent(typical));
            case PORT_BREADTH -> String.format(Locale.ROOT, "this IP tried %d ports (typical %d)", Math.round(Math.expm1(value)),
                    Math.round(Math.expm1(typical)));
            case HOST_BREADTH -> String.format(Locale.ROOT, "this IP reached %d hosts (typical %d)", Math.round(Math.expm1(value)),
                    Math.round(Math.expm1(typical)));
            case SYN_ONLY_SHARE -> String.format(Locale.ROOT, "%s of this IP's flows were SYN-only (typical %s)",
                    Formats.percent(value), Formats.percent(typical));
            case PORT_RARITY -> rare("port " + cell(Role.DST_PORT, row), "is ", value);
            case IP_VOLUME_DEVIATION -> {
                double mine = ip == null ? Math.expm1(value) : Math.expm1(ip.volume(row));
                double usual = ip == null ? 0 : Math.expm1(ip.usualVolumeOf(row));
                yield String.format(Locale.ROOT, "volume %s this client's usual (%s vs %s)",
                        Formats.ratio(Math.exp(value)), Formats.bytes(mine), Formats.bytes(usual));
            }
        };
    }

    /** "port 6667 is rare here (0.1 % of rows)"; against a baseline, a share of 0 is "never seen in the baseline". */
    private String rare(String what, String is, double share) {
        if (share == 0 && !where.equals("here")) return what + " never seen in the baseline";
        return what + " " + is + "rare " + where + " (" + Formats.percent(share) + " of rows)";
    }

    private static String volume(String name, double bytes, double typical) {
        return String.format(Locale.ROOT, "%s %s, %s the typical row (%s)", name, Formats.bytes(bytes),
                Formats.ratio((bytes + 1) / (typical + 1)), Formats.bytes(typical));
    }

    private static String seconds(double s) {
        return s >= 120 ? String.format(Locale.ROOT, "%.0f min", s / 60) : String.format(Locale.ROOT, "%.0f s", s);
    }

    private String cell(Role f, int row) {
        return table.column(f).map((Column c) -> c.format(row)).orElse("?");
    }
}
