// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.job.Workers;
import dev.taw.table.Column;
import dev.taw.table.Medians;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the {@link FeatureMatrix} for a table and a feature set. Pure function of its inputs. */
public final class FeatureBuilder {

    /** With a profile of its own: for a table used once. */
    public FeatureMatrix build(Table table, FeatureSet wanted) {
        return build(table, wanted, IpProfile.of(table));
    }

    /** @param ip the analysis's profile of source IPs (shared with the host features and explanations), or null */
    public FeatureMatrix build(Table table, FeatureSet wanted, IpProfile ip) {
        int n = table.rowCount();
        List<Feature> used = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        Map<Feature, String> leftOut = new LinkedHashMap<>();
        for (Feature f : Feature.values()) {
            if (!wanted.contains(f)) {
                leftOut.put(f, "switched off");
                continue;
            }
            String absent = f.needs().stream().filter(s -> table.column(s).isEmpty()).map(Role::header).findFirst().orElse(null);
            if (absent != null) {
                leftOut.put(f, "column '" + absent + "' is not in the file");
                continue;
            }
            used.add(f);
        }
        // each feature is an independent pass over the rows: compute them on every core
        FeatureColumns.ByteLogs logs = new FeatureColumns.ByteLogs(table);
        double[][] each = new double[used.size()][];
        Workers.shareOut(each.length, i -> each[i] = FeatureColumns.compute(used.get(i), table, ip, null, logs));
        List<double[]> computed = java.util.Arrays.asList(each);
        for (int i = used.size() - 1; i >= 0; i--) {
            if (isConstant(computed.get(i))) {
                leftOut.put(used.get(i), "same value in every row");
                used.remove(i);
            } else {
                cols.add(0, computed.get(i));
            }
        }
        return FeatureMatrix.typicalAside(used, cols.toArray(double[][]::new), n, leftOut);
    }

    /**
     * The features of a baseline, measured on new rows as the baseline measured them: its features in its order
     * (a constant one is kept: the forest needs every input), its share tables for the rarity features, its
     * typical values and its session length for rows without one.
     *
     * @throws IllegalArgumentException naming a column the baseline's features need that this table lacks
     */
    public FeatureMatrix build(Table table, RowReference ref, IpProfile ip) {
        for (Feature f : ref.features()) {
            String absent = f.needs().stream().filter(s -> table.column(s).isEmpty()).map(Role::header).findFirst().orElse(null);
            if (absent != null) {
                throw new IllegalArgumentException("the baseline's feature '" + f.label() + "' needs the column '" + absent + "', which this file does not have");
            }
        }
        FeatureColumns.ByteLogs logs = new FeatureColumns.ByteLogs(table);
        List<Feature> features = ref.features();
        double[][] each = new double[features.size()][];
        Workers.shareOut(each.length, i -> each[i] = FeatureColumns.compute(features.get(i), table, ip, ref, logs));
        List<double[]> computed = java.util.Arrays.asList(each);
        return new FeatureMatrix(ref.features(), computed.toArray(double[][]::new), ref.typical().clone(), table.rowCount(), Map.of());
    }

    /** What a model trained on this table keeps of its row features: see {@link RowReference}. */
    public RowReference reference(Table table, FeatureMatrix m) {
        Map<Feature, Shares> shares = new java.util.EnumMap<>(Feature.class);
        for (Feature f : m.features()) if (RowReference.isRarity(f)) shares.put(f, Shares.of(counts(f, table)));
        double fill = Double.NaN;
        if (m.features().contains(Feature.DURATION)) {
            fill = Medians.of(FeatureColumns.rawDuration(table));
            if (Double.isNaN(fill)) fill = 0.0; // no row had a length: what fillMissingWithMedian puts in too
        }
        Ranges r = new Ranges(m.columns(), 0);
        return new RowReference(m.features(), m.typical().clone(), r.low, r.high, fill, shares);
    }

    /** How many rows have each value of a rarity feature's column, by the value's text. */
    private static Map<String, Long> counts(Feature f, Table t) {
        Map<String, Long> counts = new java.util.HashMap<>();
        Column c = t.column(FeatureColumns.rarityColumn(f)).orElseThrow();
        if (c instanceof TextColumn tc) {
            long[] byCode = new long[tc.distinctCount()];
            for (int code : tc.codes()) byCode[code]++;
            for (int k = 0; k < byCode.length; k++) if (byCode[k] > 0) counts.merge(tc.dictionary()[k], byCode[k], Long::sum);
        } else {
            for (int r = 0; r < t.rowCount(); r++) counts.merge(FeatureColumns.key(f, c, r), 1L, Long::sum);
        }
        return counts;
    }

    private static boolean isConstant(double[] v) {
        for (int i = 1; i < v.length; i++) if (v[i] != v[0]) return false;
        return true;
    }
}
