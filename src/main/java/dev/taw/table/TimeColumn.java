// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.time.Instant;
import java.util.BitSet;

/**
 * Instants as epoch milliseconds (UTC), what every feature and chart reads. Missing cells are flagged, never
 * imputed. Where the log wrote finer times (ALB's microseconds), the microseconds below the millisecond are kept
 * beside them, for the text written back: a scored CSV gives the time as the log had it.
 */
public final class TimeColumn implements Column {
    /** Whether every row holds one value, asked by several stages of a run: 0 not known yet, 1 yes, 2 no. */
    private byte constant;
    private final String name;
    private final long[] millis;
    private final BitSet missing;
    /** No row is missing: then {@link #isMissing} asks no bit set (a call at every row under the quick compiler). */
    private final boolean gapless;
    private final short[] micros; // 0-999 below each millisecond, or null where the log has none

    public TimeColumn(String name, long[] millis, BitSet missing) {
        this(name, millis, missing, null);
    }

    public TimeColumn(String name, long[] millis, BitSet missing, short[] micros) {
        if (micros != null && micros.length != millis.length) throw new IllegalArgumentException("one microsecond remainder per row");
        this.name = name;
        this.millis = millis;
        this.missing = missing;
        this.gapless = missing.isEmpty();
        this.micros = micros;
    }

    @Override public TimeColumn renamed(String other) { return new TimeColumn(other, millis, missing, micros); }
    @Override public String name() { return name; }
    @Override public int size() { return millis.length; }
    @Override public boolean isMissing(int row) { return !gapless && missing.get(row); }

    public long get(int row) { return millis[row]; }

    public long[] values() { return millis; }

    /** The microseconds below the millisecond (0-999) per row, or null when the log wrote none. */
    public short[] micros() { return micros; }

    /** The microseconds below the millisecond of a row (0 where the log wrote none). */
    public int micros(int row) { return micros == null ? 0 : micros[row]; }

    /** Written back in ISO-8601 UTC, whatever form the input used, to the microsecond where the log had them. */
    @Override
    public String format(int row) {
        return missing.get(row) ? "" : text(millis[row], micros(row));
    }

    /** ISO-8601 UTC of an instant, with the microseconds below its millisecond where there are any ("….186641Z"). */
    public static String text(long epochMillis, int subMillisMicros) {
        return Instant.ofEpochMilli(epochMillis).plusNanos(subMillisMicros * 1000L).toString();
    }

    @Override
    public boolean isConstant() {
        if (constant == 0) constant = sameInEveryRow() ? (byte) 1 : 2;
        return constant == 1;
    }

    private boolean sameInEveryRow() {
        for (int i = 1; i < millis.length; i++) {
            if (missing.get(i) != missing.get(0) || millis[i] != millis[0]) return false;
        }
        return true;
    }

    /** The rows without a time, as a copy. */
    public BitSet missingRows() { return (BitSet) missing.clone(); }

    public static final class Builder {
        private final String name;
        private final Growable.Longs values = new Growable.Longs();
        private final BitSet missing = new BitSet();
        private short[] micros; // made at the first row with any: most logs have none

        public Builder(String name) { this.name = name; }

        public void add(long epochMillis) {
            values.add(epochMillis);
        }

        /** @param subMillisMicros the microseconds below the millisecond, 0-999 */
        public void add(long epochMillis, int subMillisMicros) {
            if (subMillisMicros != 0) {
                int at = values.size();
                if (micros == null) micros = new short[Math.max(16, at * 2)];
                else if (at >= micros.length) micros = java.util.Arrays.copyOf(micros, at * 2);
                micros[at] = (short) subMillisMicros;
            }
            values.add(epochMillis);
        }

        public void addMissing() {
            missing.set(values.size());
            add(0L);
        }


        /** Appends another builder's rows after this one's. */
        public void append(Builder other) {
            int base = values.size();
            values.addAll(other.values); // a missing cell is a 0 there too
            for (int i = other.missing.nextSetBit(0); i >= 0; i = other.missing.nextSetBit(i + 1)) missing.set(base + i);
            if (other.micros != null) {
                int n = Math.min(other.micros.length, other.values.size());
                if (micros == null) micros = new short[Math.max(16, (base + n) * 2)];
                else if (base + n > micros.length) micros = java.util.Arrays.copyOf(micros, (base + n) * 2);
                System.arraycopy(other.micros, 0, micros, base, n);
            }
        }

        public TimeColumn build() {
            long[] v = values.toArray();
            return new TimeColumn(name, v, (BitSet) missing.clone(), micros == null ? null : java.util.Arrays.copyOf(micros, v.length));
        }
    }
}
