// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.io.TableUnion;
import dev.taw.pipeline.LogParts;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TimeColumn;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The job's two outputs as Spark rows: each scored record (or connection) with every column of the log, its source
 * line, its scores and labels and its day; and each host as the CLI's hosts CSV lists it. Column names keep the
 * workbench's, with anything but letters, digits and {@code _} written as {@code _} ({@code response.code} is
 * {@code response_code}): dots in a name mean a nested field to Spark SQL.
 */
final class OutputRows implements Serializable {
    private final List<TableUnion.ColumnSpec> columns;
    private final boolean ownLines; // every importer gives a source_line column; a table without one gets it here
    private final List<String> hostHeader;

    OutputRows(List<TableUnion.ColumnSpec> columns, List<String> hostHeader) {
        this.columns = List.copyOf(columns);
        this.hostHeader = List.copyOf(hostHeader);
        this.ownLines = columns.stream().noneMatch(c -> c.name().equals("source_line"));
    }

    StructType recordSchema() {
        List<StructField> f = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (TableUnion.ColumnSpec c : columns) {
            DataType t = switch (c.kind()) {
                case NUMBER -> DataTypes.DoubleType;
                case TIME -> DataTypes.TimestampType;
                case TEXT -> DataTypes.StringType;
            };
            f.add(DataTypes.createStructField(unique(safe(c.name()), used), t, true));
        }
        if (ownLines) f.add(DataTypes.createStructField(unique("source_line", used), DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField(unique("anomaly_score", used), DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(unique("label", used), DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField(unique("host_score", used), DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField(unique("host_label", used), DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField("date", DataTypes.StringType, true));
        return DataTypes.createStructType(f);
    }

    /** The hosts CSV's header, as the CLI writes it. */
    String[] hostHeaderNames() {
        return hostHeader.toArray(String[]::new);
    }

    /** The hosts: the hosts CSV's columns, numbers as numbers. */
    StructType hostSchema() {
        List<StructField> f = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String h : hostHeader) f.add(DataTypes.createStructField(unique(safe(h), used), hostType(h), true));
        return DataTypes.createStructType(f);
    }

    private static DataType hostType(String h) {
        return switch (h) {
            case "rank", "host_label" -> DataTypes.IntegerType;
            case "rows", "suspicious_rows" -> DataTypes.LongType;
            case "src_ip", "window_start", "country", "first_seen", "last_seen", "why" -> DataTypes.StringType;
            default -> DataTypes.DoubleType; // scores, bytes and every host trait
        };
    }

    List<Row> records(LogParts.Scored s) {
        Table t = s.table();
        int n = t.rowCount();
        Column[] cols = new Column[columns.size()];
        for (int i = 0; i < cols.length; i++) cols[i] = t.column(columns.get(i).name()).orElse(null);
        TimeColumn when = t.time(Role.CREATION_TIME).orElse(null);
        int[] lines = t.sourceLines();
        List<Row> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] v = new Object[cols.length + (ownLines ? 6 : 5)];
            for (int i = 0; i < cols.length; i++) v[i] = cell(cols[i], r);
            int k = cols.length;
            if (ownLines) v[k++] = lines == null ? null : (double) lines[r];
            v[k++] = s.scores()[r];
            v[k++] = (int) s.labels()[r];
            v[k++] = Double.isNaN(s.hostScores()[r]) ? null : s.hostScores()[r];
            v[k++] = s.hostLabels()[r] == 0 ? null : (int) s.hostLabels()[r];
            v[k] = when == null || when.isMissing(r) ? null : Instant.ofEpochMilli(when.get(r)).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            out.add(RowFactory.create(v));
        }
        return out;
    }

    private static Object cell(Column c, int r) {
        if (c == null || c.isMissing(r)) return null;
        if (c instanceof NumberColumn n) return n.get(r);
        if (c instanceof TimeColumn tc) {
            long ms = tc.get(r);
            Timestamp ts = new Timestamp(ms);
            ts.setNanos((int) Math.floorMod(ms, 1000L) * 1_000_000 + tc.micros(r) * 1000);
            return ts;
        }
        return c.format(r);
    }

    /** A host's cells as the hosts CSV writes them, typed (its rank is the part's; the job ranks the whole log). */
    Row host(List<String> cells) {
        Object[] v = new Object[hostHeader.size()];
        for (int i = 0; i < v.length; i++) {
            String c = cells.get(i);
            DataType t = hostType(hostHeader.get(i));
            if (t == DataTypes.StringType) v[i] = c;
            else if (c.isEmpty()) v[i] = null;
            else if (t == DataTypes.IntegerType) v[i] = Integer.parseInt(c);
            else if (t == DataTypes.LongType) v[i] = Long.parseLong(c);
            else v[i] = Double.parseDouble(c);
        }
        return RowFactory.create(v);
    }

    /** A host row back as the hosts CSV's cells, at its rank in the whole log. */
    static List<String> cells(Row r, long rank) {
        List<String> out = new ArrayList<>(r.length());
        for (int i = 0; i < r.length(); i++) {
            Object v = r.get(i);
            if (i == 0) out.add(Long.toString(rank));
            else if (v == null) out.add("");
            else if (v instanceof Double d) out.add(d == Math.rint(d) && Math.abs(d) < 1e15 && !r.schema().fields()[i].name().endsWith("score")
                    ? Long.toString(d.longValue()) : Double.toString(d));
            else out.add(v.toString());
        }
        return out;
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "_" : s;
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) n = name + "_" + i;
        return n;
    }
}
