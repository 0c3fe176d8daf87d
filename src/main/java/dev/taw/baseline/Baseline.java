// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.baseline;

import dev.taw.features.HostReference;
import dev.taw.features.RowReference;
import dev.taw.io.FlowView;
import dev.taw.model.FlatForest;
import dev.taw.model.ForestSettings;
import java.time.Instant;
import java.util.List;

/**
 * Everything a later run needs to judge new logs as this baseline would: what it was trained on, the row
 * features and what they are relative to, both forests as arrays, the score ladders and exact cut-offs, and
 * the hosts and countries it saw. Saved and loaded by {@link BaselineFile}; applied by {@link Baselines#score}.
 *
 * @param hosts       the host features, or null when the baseline had too few hosts for a host forest
 * @param hostForest  null exactly when {@code hosts} is
 */
public record Baseline(Trained trained, RowReference rows, FlatForest rowForest, double[] rowLadder, double rowCutOff,
                       HostReference hosts, FlatForest hostForest, double[] hostLadder, double hostCutOff, Known known) {

    /**
     * Where the baseline came from.
     *
     * @param tool     the workbench version that trained it
     * @param from     the input's name (a file or a folder)
     * @param format   the import's format in words, as the summary gave it
     * @param flows    flow logs as connections or records (scoring uses the same view)
     * @param columns  the imported table's column names: a file of another format shares few of them
     * @param settings the forests' settings; contamination and host contamination are the cut-offs' shares
     */
    public record Trained(String tool, Instant at, String from, long rows, long hosts, String format, FlowView flows, List<String> columns,
                          ForestSettings settings) {
        public Trained {
            columns = List.copyOf(columns);
        }
    }

    /**
     * The source hosts and countries the baseline saw, with what each host did there (so a report can say "new"
     * or "sent 40× what it sent in the baseline").
     *
     * @param addresses in ascending order
     * @param bytesIn   per address, NaN where the log has no such column
     * @param score     per address, its host score in the baseline (NaN without a host forest)
     */
    public record Known(String[] addresses, long[] rows, double[] bytesIn, double[] bytesOut, double[] score, String[] countries) {
        public Known {
            if (rows.length != addresses.length || bytesIn.length != addresses.length || bytesOut.length != addresses.length
                    || score.length != addresses.length) {
                throw new IllegalArgumentException("one count per known host");
            }
            for (int i = 1; i < addresses.length; i++) {
                if (addresses[i].compareTo(addresses[i - 1]) <= 0) throw new IllegalArgumentException("known hosts not in order");
            }
            for (int i = 1; i < countries.length; i++) {
                if (countries[i].compareTo(countries[i - 1]) <= 0) throw new IllegalArgumentException("known countries not in order");
            }
        }

        /** The index of an address, or a negative number when the baseline never saw it. */
        public int indexOf(String address) {
            return java.util.Arrays.binarySearch(addresses, address);
        }

    }

    public Baseline {
        if ((hosts == null) != (hostForest == null)) throw new IllegalArgumentException("host features and host forest come together");
    }

    /**
     * The settings it was trained with, cut at these shares instead (null: its own): the forests are the model's,
     * only how much of them is flagged is the analyst's to choose.
     */
    public ForestSettings settings(Double contamination, Double hostContamination) {
        ForestSettings s = trained.settings();
        return s.withContamination(contamination != null ? contamination : s.contamination())
                .withHostContamination(hostContamination != null ? hostContamination : s.hostContamination());
    }

    /** "trained 2026-12-01 09:30 UTC on week1/ (VPC flow, 1,000,000 rows, 4,232 hosts) with --trees 100 …". */
    public String describe() {
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(trained.at());
        return String.format(java.util.Locale.ROOT, "trained %s on %s (%s, %,d rows, %,d source hosts%s) with %s", when, trained.from(), trained.format(),
                trained.rows(), trained.hosts(), hosts == null ? ", too few for a host forest" : "", trained.settings().toText());
    }
}
