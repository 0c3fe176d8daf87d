// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.time.Instant;
import java.util.BitSet;

/** Instants as epoch milliseconds (UTC). Missing cells are flagged, never imputed. */
public final class TimeColumn implements Column {
    private final String name;
    private final long[] millis;
    private final BitSet missing;

    public TimeColumn(String name, long[] millis, BitSet missing) {
        this.name = name;
        this.millis = millis;
        this.missing = missing;
    }

    @Override public TimeColumn renamed(String other) { return new TimeColumn(other, millis, missing); }
    @Override public String name() { return name; }
    @Override public int size() { return millis.length; }
    @Override public boolean isMissing(int row) { return missing.get(row); }

    public long get(int row) { return millis[row]; }

    public long[] values() { return millis; }

    /** Written back in ISO-8601 UTC, whatever form the input used. */
    @Override
    public String format(int row) {
        return missing.get(row) ? "" : Instant.ofEpochMilli(millis[row]).toString();
    }

    @Override
    public boolean isConstant() {
        for (int i = 1; i < millis.length; i++) {
            if (missing.get(i) != missing.get(0) || millis[i] != millis[0]) return false;
        }
        return true;
    }

    public static final class Builder {
        private final String name;
        private final Growable.Longs values = new Growable.Longs();
        private final BitSet missing = new BitSet();

        public Builder(String name) { this.name = name; }

        public void add(long epochMillis) {
            values.add(epochMillis);
        }

        public void addMissing() {
            missing.set(values.size());
            add(0L);
        }


        /** Appends another builder's rows after this one's. */
        public void append(Builder other) {
            for (int i = 0; i < other.values.size(); i++) {
                if (other.missing.get(i)) addMissing();
                else add(other.values.get(i));
            }
        }

        public TimeColumn build() {
            return new TimeColumn(name, values.toArray(), (BitSet) missing.clone());
        }
    }
}
