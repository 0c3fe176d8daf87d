// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.util.BitSet;

/**
 * A numeric column. Missing cells hold an imputed value (the column median) so that features can use
 * them, and are remembered in {@link #missing} so that exports write them back as empty and sums, filters
 * and charts leave them out (an imputed median is not traffic).
 */
public final class NumberColumn implements Column {
    /** Whether every row holds one value, asked by several stages of a run: 0 not known yet, 1 yes, 2 no. */
    private byte constant;
    private final String name;
    private final double[] values;
    private final BitSet missing;
    /** No row is missing: then {@link #isMissing} asks no bit set (a call at every row under the quick compiler). */
    private final boolean gapless;

    public NumberColumn(String name, double[] values, BitSet missing) {
        this.name = name;
        this.values = values;
        this.missing = missing;
        this.gapless = missing.isEmpty();
    }

    @Override public NumberColumn renamed(String other) { return new NumberColumn(other, values, missing); }
    @Override public String name() { return name; }
    @Override public int size() { return values.length; }
    @Override public boolean isMissing(int row) { return !gapless && missing.get(row); }

    public double get(int row) { return values[row]; }

    /** Direct access for tight loops; callers must not modify it. */
    public double[] values() { return values; }

    public int missingCount() { return missing.cardinality(); }

    /** The rows with no value in the file (their cells hold the imputed median), as a fresh set. */
    public java.util.BitSet missingRows() { return (java.util.BitSet) missing.clone(); }

    @Override
    public String format(int row) {
        return missing.get(row) ? "" : formatNumber(values[row]);
    }

    @Override
    public boolean isConstant() {
        if (constant == 0) constant = sameInEveryRow() ? (byte) 1 : 2;
        return constant == 1;
    }

    private boolean sameInEveryRow() {
        if (values.length == 0) return true;
        boolean firstMissing = missing.get(0);
        double first = values[0];
        if (missing.isEmpty()) { // most columns: no row to ask the bit set about
            for (int i = 1; i < values.length; i++) if (values[i] != first) return false;
            return true;
        }
        for (int i = 1; i < values.length; i++) {
            if (missing.get(i) != firstMissing || (!firstMissing && values[i] != first)) return false;
        }
        return true;
    }

    /** Whole numbers without a decimal point, others in Java's shortest round-trip form. */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** Growable builder used by importers; {@link #build} imputes missing cells with the median. */
    public static final class Builder {
        private final String name;
        private final Growable.Doubles values = new Growable.Doubles();
        private final BitSet missing = new BitSet();

        public Builder(String name) { this.name = name; }

        public void add(double v) {
            values.add(v);
        }

        public void addMissing() {
            missing.set(values.size());
            values.add(Double.NaN);
        }

        /** An empty cell that an earlier step filled already: it keeps {@code v}, and stays marked empty. */
        public void addFilled(double v) {
            missing.set(values.size());
            values.add(v);
        }

        public int size() { return values.size(); }

        /** The column as added, nothing filled here (see {@link #addFilled}); a cell added as missing stays NaN. */
        public NumberColumn buildAsFilled() {
            return new NumberColumn(name, values.toArray(), (BitSet) missing.clone());
        }

        public NumberColumn build() {
            double[] v = values.toArray();
            BitSet m = (BitSet) missing.clone();
            if (!m.isEmpty()) {
                double median = median(v, m);
                for (int i = m.nextSetBit(0); i >= 0; i = m.nextSetBit(i + 1)) v[i] = median;
            }
            return new NumberColumn(name, v, m);
        }

        /** The column with its missing cells filled with {@code fill} (a median of more rows than these) instead of their own median. */
        public NumberColumn build(double fill) {
            double[] v = values.toArray();
            for (int i = missing.nextSetBit(0); i >= 0; i = missing.nextSetBit(i + 1)) v[i] = fill;
            return new NumberColumn(name, v, (BitSet) missing.clone());
        }

        /** Missing cells hold NaN until built, so the median of the rest is the median of the non-NaN values. */
        private static double median(double[] v, BitSet missing) {
            double m = Medians.of(v);
            return Double.isNaN(m) ? 0.0 : m;
        }

        /** Appends another builder's rows after this one's (the second half of a file read in parallel). */
        public void append(Builder other) {
            int base = values.size();
            values.addAll(other.values); // a missing cell is a NaN there too
            for (int i = other.missing.nextSetBit(0); i >= 0; i = other.missing.nextSetBit(i + 1)) missing.set(base + i);
        }
    }
}
