// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.table.Column;
import dev.taw.table.Growable;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several tables as one, the rows of each in turn: a folder's files, or the parts of a log that a Spark task
 * gathered. The columns that play the same role (bytes in, source IP, …) are joined whatever each part called
 * them, other columns by name; a column that is a number in one part and text in another becomes text, so
 * nothing is lost. The {@link Layout} decides names and kinds: made from the parts themselves, or from every part
 * of a log when only some of them are at hand, so each piece of a distributed log is laid out as the whole is.
 */
public final class TableUnion {
    /** The column a union adds to say where each row came from. */
    public static final String SOURCE_FILE = "source_file";

    private TableUnion() { }

    /**
     * Output columns in order, with their kinds, and the output name of each role.
     *
     * @param fills for number columns whose empty cells are filled with a value of the whole log rather than the
     *              median of the parts at hand (by output name); empty: the parts' median, as an importer fills them
     * @param asFilled the parts' empty number cells were filled already, by a union of the whole log: they keep
     *              their values (a joined connection's bytes are its two records' sums), and stay marked empty
     */
    public record Layout(Map<String, Role.Kind> kinds, Map<Role, String> roleNames, Map<String, Double> fills, boolean asFilled)
            implements java.io.Serializable {
        public Layout {
            kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
            roleNames = Map.copyOf(roleNames);
            fills = Map.copyOf(fills);
        }

        /** The layout of these parts, in their order: a role is named as the first part names it. */
        public static Layout of(List<Table> parts) {
            Layout l = new Layout(Map.of(), Map.of(), Map.of(), false);
            for (Table t : parts) l = l.with(columnsOf(t));
            return l;
        }

        /** This layout and a further part's columns (see {@link #columnsOf}), which come after the columns known so far. */
        public Layout with(List<ColumnSpec> more) {
            Map<Role, String> roles = new EnumMap<>(Role.class);
            roles.putAll(roleNames);
            for (ColumnSpec c : more) for (Role r : c.roles()) roles.putIfAbsent(r, c.name());
            Map<String, Role.Kind> k = new LinkedHashMap<>(kinds);
            for (ColumnSpec c : more) {
                String out = c.roles().isEmpty() ? c.name() : roles.get(c.roles().get(0));
                k.merge(out, c.kind(), (a, b) -> a == b ? a : Role.Kind.TEXT);
            }
            return new Layout(k, roles, fills, asFilled);
        }

        /** The same layout, number columns filled as {@code f} says. */
        public Layout withFills(Map<String, Double> f) {
            return new Layout(kinds, roleNames, f, asFilled);
        }

        /** The name a column of {@code t} has in this layout: a role's output name, or its own. */
        public String nameOf(Table t, Column c) {
            return outputName(t, c, roleNames);
        }

        /** The same layout for parts whose empty cells were filled already (see {@code asFilled}). */
        public Layout filledAlready() {
            return new Layout(kinds, roleNames, Map.of(), true);
        }
    }

    /** A column of a part as a layout sees it: its name, its kind and the roles it plays (the first one names it). */
    public record ColumnSpec(String name, Role.Kind kind, List<Role> roles) implements java.io.Serializable {
        public ColumnSpec {
            roles = List.copyOf(roles);
        }
    }

    /** The columns of {@code t}, in order, each with the roles it plays. */
    public static List<ColumnSpec> columnsOf(Table t) {
        List<ColumnSpec> out = new ArrayList<>();
        for (Column c : t.columns()) {
            List<Role> plays = new ArrayList<>();
            for (Role r : Role.values()) if (t.roles().get(r) == c) plays.add(r);
            out.add(new ColumnSpec(c.name(), kindOf(c), plays));
        }
        return out;
    }

    /**
     * The parts as one table, laid out as {@code layout} says.
     *
     * @param files each part's file, for the {@value #SOURCE_FILE} column of a part that has none (null: every part has it)
     */
    public static Table of(List<Table> parts, List<String> files, Layout layout) {
        Map<String, Role.Kind> kinds = new LinkedHashMap<>(layout.kinds());
        kinds.putIfAbsent(SOURCE_FILE, Role.Kind.TEXT);
        Map<String, Merged> columns = new LinkedHashMap<>();
        kinds.forEach((n, k) -> columns.put(n, new Merged(n, k, layout.fills().get(n), layout.asFilled())));
        Merged sourceFile = columns.get(SOURCE_FILE);
        int total = 0;
        Growable.Ints lines = new Growable.Ints();
        List<Map<Merged, Column>> froms = new ArrayList<>();
        for (Table t : parts) {
            Map<Merged, Column> from = new LinkedHashMap<>();
            for (Column c : t.columns()) {
                Merged m = columns.get(layout.nameOf(t, c));
                if (m == null) throw new IllegalArgumentException("column " + c.name() + " is not in the layout");
                from.putIfAbsent(m, c);
            }
            froms.add(from);
            for (int line : t.sourceLines()) lines.add(line);
            total += t.rowCount();
        }
        // column by column, part by part: a text column's distinct values are looked up once per part, not once
        // per row, and only one output dictionary is in use at a time (six address columns' dictionaries of tens
        // of thousands of values each do not fit in cache together)
        columns.values().parallelStream().forEach(m -> { // each output column has builders of its own
            for (int p = 0; p < parts.size(); p++) {
                Column c = froms.get(p).get(m);
                int n = parts.get(p).rowCount();
                if (m == sourceFile && c == null) m.addText(files == null ? "" : files.get(p), n);
                else m.addAll(c, n);
            }
        });
        List<Merged> merged = List.copyOf(columns.values());
        List<Column> built = merged.parallelStream().map(Merged::build).toList(); // medians of many columns: on every core
        Map<String, Column> byName = new LinkedHashMap<>();
        for (int i = 0; i < merged.size(); i++) byName.put(merged.get(i).name, built.get(i));
        Map<Role, Column> roleColumns = new EnumMap<>(Role.class);
        layout.roleNames().forEach((r, n) -> roleColumns.put(r, byName.get(n)));
        return new Table(total, built, roleColumns, lines.toArray());
    }

    /** A role's column goes under the role's output name; any other column under its own name. */
    private static String outputName(Table t, Column c, Map<Role, String> roleName) {
        for (var e : t.roles().entrySet()) if (e.getValue() == c) return roleName.get(e.getKey());
        return c.name();
    }

    private static Role.Kind kindOf(Column c) {
        if (c instanceof NumberColumn) return Role.Kind.NUMBER;
        if (c instanceof TimeColumn) return Role.Kind.TIME;
        return Role.Kind.TEXT;
    }

    /** One output column being filled from the parts' columns. */
    private static final class Merged {
        private final String name;
        private final Role.Kind kind;
        private final Double fill;
        private final boolean asFilled;
        private final NumberColumn.Builder numbers;
        private final TimeColumn.Builder times;
        private final TextColumn.Builder texts;

        Merged(String name, Role.Kind kind, Double fill, boolean asFilled) {
            this.name = name;
            this.kind = kind;
            this.fill = fill;
            this.asFilled = asFilled;
            numbers = kind == Role.Kind.NUMBER ? new NumberColumn.Builder(name) : null;
            times = kind == Role.Kind.TIME ? new TimeColumn.Builder(name) : null;
            texts = kind == Role.Kind.TEXT ? new TextColumn.Builder(name) : null;
        }

        /** Appends the {@code n} rows of a part's column ({@code c} null: the part has no such column, all missing). */
        void addAll(Column c, int n) {
            switch (kind) {
                case NUMBER -> {
                    for (int r = 0; r < n; r++) {
                        if (c instanceof NumberColumn nc && !nc.isMissing(r)) numbers.add(nc.get(r));
                        else if (asFilled && c instanceof NumberColumn nc) numbers.addFilled(nc.get(r));
                        else numbers.addMissing();
                    }
                }
                case TIME -> {
                    for (int r = 0; r < n; r++) {
                        if (c instanceof TimeColumn tc && !tc.isMissing(r)) times.add(tc.get(r), tc.micros(r)); else times.addMissing();
                    }
                }
                case TEXT -> {
                    if (c instanceof TextColumn tc) {
                        String[] d = tc.dictionary();
                        int[] remap = new int[d.length];
                        for (int k = 0; k < d.length; k++) remap[k] = texts.codeOf(d[k]);
                        int[] codes = tc.codes();
                        for (int r = 0; r < n; r++) texts.addCode(remap[codes[r]]);
                    } else {
                        for (int r = 0; r < n; r++) texts.add(c == null || c.isMissing(r) ? "" : c.format(r));
                    }
                }
            }
        }

        void addText(String v, int n) {
            int code = texts.codeOf(v);
            for (int r = 0; r < n; r++) texts.addCode(code);
        }

        Column build() {
            return switch (kind) {
                case NUMBER -> asFilled ? numbers.buildAsFilled() : fill == null ? numbers.build() : numbers.build(fill);
                case TIME -> times.build();
                case TEXT -> texts.build();
            };
        }
    }
}
