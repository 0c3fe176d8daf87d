// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.csv;

import dev.taw.io.Cells;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.Plausible;
import dev.taw.io.TimeMemo;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.stream.IntStream;

/**
 * The columns of one CSV import (or one half of it) being built: a builder per field by its kind, each field's
 * rule for plausible numbers and its memo of the last time. A record's cells are parsed into numbers and times
 * first, and added only once every cell is good, so a bad record leaves no trace in any column.
 */
final class CsvColumns {
    private final String[] names;
    private final Role.Kind[] kinds;
    private final NumberColumn.Builder[] numbers;
    private final TimeColumn.Builder[] times;
    private final TextColumn.Builder[] texts;
    private final TimeMemo[] timeMemo;
    /** The range each column's numbers must be in (null: no rule), by column. */
    private final Plausible.Rule[] rules;
    // the cells of the record being parsed, typed
    private final double[] num;
    private final long[] time;
    private final boolean[] missing;

    /** What is wrong with a record: the column, the reason and the words for it. */
    record Problem(String column, Reason reason, String detail) { }

    CsvColumns(CsvHeader header) {
        names = header.names();
        kinds = header.kinds();
        int width = names.length;
        numbers = new NumberColumn.Builder[width];
        times = new TimeColumn.Builder[width];
        texts = new TextColumn.Builder[width];
        timeMemo = new TimeMemo[width];
        rules = new Plausible.Rule[width];
        num = new double[width];
        time = new long[width];
        missing = new boolean[width];
        for (int i = 0; i < width; i++) {
            timeMemo[i] = new TimeMemo();
            rules[i] = Plausible.ruleFor(Role.byHeader(names[i]).map(Role::header).orElse("")); // once per column, not per cell
            switch (kinds[i]) {
                case NUMBER -> numbers[i] = new NumberColumn.Builder(names[i]);
                case TIME -> times[i] = new TimeColumn.Builder(names[i]);
                case TEXT -> texts[i] = new TextColumn.Builder(names[i]);
            }
        }
    }

    /** Reads a record's numbers and times. @return null, or the first cell that is not what its column holds */
    Problem parse(Cells cells) {
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == Role.Kind.TEXT) continue;
            missing[i] = cells.isMissing(i);
            if (missing[i]) continue;
            if (kinds[i] == Role.Kind.NUMBER) {
                double v = cells.number(i);
                if (Double.isNaN(v)) return new Problem(names[i], Reason.NOT_A_NUMBER, "expected a number, found \"" + ImportIssue.snippet(cells.text(i)) + "\"");
                String implausible = rules[i] == null ? null : rules[i].problem(v);
                if (implausible != null) return new Problem(names[i], Reason.OUT_OF_RANGE, "\"" + ImportIssue.snippet(cells.text(i)) + "\" is " + implausible);
                num[i] = v;
            } else {
                try {
                    time[i] = timeMemo[i].parse(cells, i);
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    return new Problem(names[i], Reason.BAD_TIMESTAMP, "expected an ISO-8601 time or epoch seconds, found \""
                            + ImportIssue.snippet(cells.text(i)) + "\"");
                }
            }
        }
        return null;
    }

    /** Adds the record {@link #parse} last read without a problem. */
    void append(Cells cells) {
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case NUMBER -> { if (missing[i]) numbers[i].addMissing(); else numbers[i].add(num[i]); }
                case TIME -> { if (missing[i]) times[i].addMissing(); else times[i].add(time[i], timeMemo[i].lastMicros()); }
                case TEXT -> cells.addTo(i, texts[i]);
            }
        }
    }

    /**
     * Whether the plain line of the record {@link #parse} last read is spelt as the scored CSV writes its cells back,
     * so the line can stand for the row: no white space around a cell, whole numbers in plain digits, times in their
     * ISO-8601 form, nothing for a missing number or time. A text cell that the writer quotes or neutralises is left
     * to the writer to tell.
     */
    boolean asWritten(Cells cells) {
        for (int i = 0; i < kinds.length; i++) {
            boolean as = switch (kinds[i]) {
                case TEXT -> cells.untrimmed(i);
                case NUMBER -> missing[i] ? cells.empty(i) : cells.plainWhole(i);
                case TIME -> missing[i] ? cells.empty(i) : cells.untrimmed(i) && timeMemo[i].lastCanonical();
            };
            if (!as) return false;
        }
        return true;
    }

    /**
     * Appends the other part's rows, column by column on every core: each is joined on, to be copied once, when built
     * (a text column's codes turned into this part's dictionary's then).
     */
    void absorb(CsvColumns other) {
        IntStream.range(0, kinds.length).parallel().forEach(i -> {
            switch (kinds[i]) {
                case NUMBER -> numbers[i].append(other.numbers[i]);
                case TIME -> times[i].append(other.times[i]);
                case TEXT -> texts[i].append(other.texts[i]);
            }
        });
    }

    /** The columns, built on every core, each knowing already whether it is one value throughout (the report asks). */
    Column[] build() {
        Column[] built = new Column[kinds.length];
        IntStream.range(0, kinds.length).parallel().forEach(i -> {
            built[i] = switch (kinds[i]) {
                case NUMBER -> numbers[i].build();
                case TIME -> times[i].build();
                case TEXT -> texts[i].build();
            };
            built[i].isConstant();
        });
        return built;
    }
}
