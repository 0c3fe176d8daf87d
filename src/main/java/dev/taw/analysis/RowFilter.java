// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.model.Threshold;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.time.Instant;
import java.util.BitSet;
import java.util.Locale;

/** One condition of a linked selection: clicking a bar, an IP, a time range or a region makes one. */
public interface RowFilter {

    /** Short text for the filter chip and the report, e.g. {@code country = NL}. */
    String describe();

    /** Sets in {@code into} the rows that pass, among those already set. */
    void apply(Table table, byte[] labels, BitSet into);

    /** The rows passing every filter (every row when the list is empty). */
    static BitSet view(Table table, byte[] labels, java.util.List<RowFilter> filters) {
        BitSet rows = new BitSet(table.rowCount());
        rows.set(0, table.rowCount());
        for (RowFilter f : filters) f.apply(table, labels, rows);
        return rows;
    }

    /** The filters in words, joined with " and "; "all rows" when there are none. */
    static String describe(java.util.List<RowFilter> filters) {
        return filters.isEmpty() ? "all rows" : String.join(" and ", filters.stream().map(RowFilter::describe).toList());
    }

    /** Rows whose column equals {@code value} as displayed (a country, an IP, a port, a status code). */
    record Equals(Role field, String value) implements RowFilter {
        @Override public String describe() { return field.header() + " = " + value; }

        @Override public void apply(Table table, byte[] labels, BitSet into) {
            Column c = table.column(field).orElse(null);
            if (c == null) {
                into.clear();
                return;
            }
            if (c instanceof TextColumn tc) {
                int code = -1;
                String[] dict = tc.dictionary();
                for (int i = 0; i < dict.length; i++) if (dict[i].equals(value)) code = i;
                int[] codes = tc.codes();
                for (int r = into.nextSetBit(0); r >= 0; r = into.nextSetBit(r + 1)) if (codes[r] != code) into.clear(r);
            } else {
                for (int r = into.nextSetBit(0); r >= 0; r = into.nextSetBit(r + 1)) if (!c.format(r).equals(value)) into.clear(r);
            }
        }
    }

    /** Rows whose time (the timeline's column) lies in [from, to). */
    record TimeRange(Role field, long fromMillis, long toMillis) implements RowFilter {
        @Override public String describe() {
            return field.header() + " in " + Instant.ofEpochMilli(fromMillis) + " – " + Instant.ofEpochMilli(toMillis);
        }

        @Override public void apply(Table table, byte[] labels, BitSet into) {
            TimeColumn c = table.time(field).orElse(null);
            if (c == null) {
                into.clear();
                return;
            }
            long[] t = c.values();
            for (int r = into.nextSetBit(0); r >= 0; r = into.nextSetBit(r + 1)) {
                if (c.isMissing(r) || t[r] < fromMillis || t[r] >= toMillis) into.clear(r);
            }
        }
    }

    /** Rows inside a rectangle of the bytes in/out chart (bounds inclusive, in bytes). */
    record BytesBox(double minIn, double maxIn, double minOut, double maxOut) implements RowFilter {
        @Override public String describe() {
            return String.format(Locale.ROOT, "bytes_in %s–%s, bytes_out %s–%s", Formats.bytes(minIn), Formats.bytes(maxIn),
                    Formats.bytes(minOut), Formats.bytes(maxOut));
        }

        @Override public void apply(Table table, byte[] labels, BitSet into) {
            NumberColumn inColumn = table.number(Role.BYTES_IN).orElse(null), outColumn = table.number(Role.BYTES_OUT).orElse(null);
            if (inColumn == null || outColumn == null) {
                into.clear();
                return;
            }
            double[] in = inColumn.values(), out = outColumn.values();
            for (int r = into.nextSetBit(0); r >= 0; r = into.nextSetBit(r + 1)) {
                if (inColumn.isMissing(r) || outColumn.isMissing(r) // no byte count in the file: in no box
                        || in[r] < minIn || in[r] > maxIn || out[r] < minOut || out[r] > maxOut) into.clear(r);
            }
        }
    }

    /** Only suspicious or only normal rows (clicking a bar of the counts chart). */
    record Label(boolean suspicious) implements RowFilter {
        @Override public String describe() { return suspicious ? "suspicious only" : "normal only"; }

        @Override public void apply(Table table, byte[] labels, BitSet into) {
            byte want = suspicious ? Threshold.SUSPICIOUS : Threshold.NORMAL;
            for (int r = into.nextSetBit(0); r >= 0; r = into.nextSetBit(r + 1)) if (labels[r] != want) into.clear(r);
        }
    }
}
