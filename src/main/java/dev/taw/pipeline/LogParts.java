// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.IpStat;
import dev.taw.baseline.Baseline;
import dev.taw.geo.CountryFill;
import dev.taw.geo.GeoIp;
import dev.taw.io.FlowView;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.TableUnion;
import dev.taw.io.detect.LogImporter;
import dev.taw.io.flow.Connections;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TableBytes;
import dev.taw.table.TextColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A log too big for one machine, handled in parts by the workbench's own code: the seam a distributed shell (the
 * Spark job) calls, as the window and the command line call {@link AnalysisPipeline}. Nothing here knows Spark.
 *
 * <p>Given a baseline, every row feature and host trait depends only on the row, the rows of its source host and
 * the baseline, and a flow record joins only a record between the same two addresses. So a log split by address
 * pair (to join connections) and then by source host (to score) gives each row the numbers the whole log gives
 * it, as long as each part lays out its columns and fills its empty numbers as the whole log does ({@link
 * TableUnion.Layout}) and keeps the rows in file order.
 */
public final class LogParts {
    private LogParts() { }

    /** One file read by the workbench's importer, its rows marked with {@code name} as a folder's rows are. */
    public static ImportResult read(Path local, String name) {
        ImportResult r = new LogImporter().read(local, LogFormat.AUTO, ProgressListener.NONE, new CancelToken());
        Table t = r.table();
        Table named = TableUnion.of(List.of(t), List.of(name), TableUnion.Layout.of(List.of(t)));
        return new ImportResult(named, r.report(), local);
    }

    /** Which of {@code parts} parts each row goes to, by its source host: every row of a host goes to the same part. */
    public static int[] byHost(Table t, int parts) {
        return byHost(t, parts, dev.taw.model.ContextWindow.WHOLE_LOG);
    }

    /**
     * Which part each row goes to, by its source host within its context window of {@code window} ms (0: the whole
     * log): every row of a host and window goes to the same part, whichever file or part it came from, so the
     * windows of one busy address spread over parts. A row without a time goes with its address's other such rows.
     */
    public static int[] byHost(Table t, int parts, long window) {
        TextColumn ip = t.text(Role.SRC_IP).orElse(null);
        int[] out = new int[t.rowCount()];
        if (ip == null) return out; // no host: nothing is per host, any part will do
        int[] ofCode = new int[ip.distinctCount()];
        for (int c = 0; c < ofCode.length; c++) ofCode[c] = ip.dictionary()[c].hashCode();
        Role timeRole = window == dev.taw.model.ContextWindow.WHOLE_LOG ? null : Role.timeOf(t);
        dev.taw.table.TimeColumn time = timeRole == null ? null : t.time(timeRole).orElseThrow();
        for (int r = 0; r < out.length; r++) {
            int h = ofCode[ip.code(r)];
            if (time != null && ip.code(r) != 0 && !time.isMissing(r)) h = h * 31 + Long.hashCode(dev.taw.model.ContextWindow.index(time.get(r), window));
            out[r] = part(h, parts);
        }
        return out;
    }

    /**
     * Which part each row goes to, by its two addresses either way round (the records a connection can join), or
     * null when the rows are not flow records the view joins.
     */
    public static int[] byAddressPair(Table t, FlowView flows, int parts) {
        if (flows != FlowView.CONNECTIONS || !Connections.applies(t)) return null;
        TextColumn src = t.text(Role.SRC_IP).orElseThrow(), dst = t.text(Role.DST_IP).orElseThrow();
        int[] out = new int[t.rowCount()];
        for (int r = 0; r < out.length; r++) {
            String a = src.format(r), b = dst.format(r);
            int h = a.compareTo(b) <= 0 ? a.hashCode() * 31 + b.hashCode() : b.hashCode() * 31 + a.hashCode();
            out[r] = part(h, parts);
        }
        return out;
    }

    private static int part(int hash, int parts) {
        int h = hash * 0x9E3779B1; // String.hashCode is the same in every JVM; mixed, so similar addresses spread
        return Math.floorMod(h ^ (h >>> 16), parts);
    }

    /** The rows of each part as bytes (null for a part with no rows), each in file order. */
    public static byte[][] split(Table t, int[] part, int parts) {
        int[] count = new int[parts];
        for (int p : part) count[p]++;
        int[][] rows = new int[parts][];
        for (int p = 0; p < parts; p++) rows[p] = new int[count[p]];
        int[] at = new int[parts];
        for (int r = 0; r < part.length; r++) rows[part[r]][at[part[r]]++] = r;
        byte[][] out = new byte[parts][];
        for (int p = 0; p < parts; p++) if (count[p] > 0) out[p] = TableBytes.write(t, rows[p]);
        return out;
    }

    /** Pieces of a log as one table in file order (by file, then line), laid out as the whole log is. */
    public static Table union(List<byte[]> pieces, TableUnion.Layout layout) {
        List<Table> tables = new ArrayList<>(pieces.size());
        for (byte[] b : pieces) tables.add(TableBytes.read(b));
        return inFileOrder(TableUnion.of(tables, null, layout));
    }

    /** The rows by source file, then line: the order a folder is read in, whatever order the pieces came in. */
    static Table inFileOrder(Table t) {
        TextColumn file = (TextColumn) t.column(TableUnion.SOURCE_FILE).orElseThrow();
        int[] lines = t.sourceLines();
        String[] d = file.dictionary();
        Integer[] byName = new Integer[d.length];
        for (int i = 0; i < d.length; i++) byName[i] = i;
        Arrays.sort(byName, (x, y) -> d[x].compareTo(d[y]));
        int[] rank = new int[d.length];
        for (int i = 0; i < d.length; i++) rank[byName[i]] = i;
        int n = t.rowCount();
        long[] keys = new long[n];
        boolean sorted = true;
        for (int r = 0; r < n; r++) {
            // file rank, line, row: 21 bits for the row (parts are cut well below two million rows each); the exact order
            // of any key that would not fit is kept by a boxed sort instead
            keys[r] = (long) rank[file.code(r)] << 42 | (long) (lines == null ? r : lines[r]) << 21 | r;
            if (r > 0) {
                int c = Integer.compare(rank[file.code(r - 1)], rank[file.code(r)]);
                sorted &= c < 0 || c == 0 && (lines == null || lines[r - 1] <= lines[r]);
            }
        }
        if (sorted) return t;
        int[] rows = new int[n];
        if (n < 1 << 21 && d.length < 1 << 21 && (lines == null || Arrays.stream(lines).allMatch(l -> l >= 0 && l < 1 << 21))) {
            Arrays.sort(keys);
            for (int i = 0; i < n; i++) rows[i] = (int) (keys[i] & ((1 << 21) - 1));
        } else {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (x, y) -> {
                int c = Integer.compare(rank[file.code(x)], rank[file.code(y)]);
                return c != 0 ? c : Integer.compare(lines == null ? x : lines[x], lines == null ? y : lines[y]);
            });
            for (int i = 0; i < n; i++) rows[i] = order[i];
        }
        return TableBytes.read(TableBytes.write(t, rows));
    }

    /**
     * A piece laid out as the whole log, its empty numbers filled as the layout says: what a piece that needs no join
     * goes through on its way to scoring, as the joined pieces went through {@link #union}.
     */
    public static byte[] filled(byte[] piece, TableUnion.Layout layout) {
        if (layout.fills().isEmpty()) return piece;
        Table t = TableUnion.of(List.of(TableBytes.read(piece)), null, layout);
        int[] all = new int[t.rowCount()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return TableBytes.write(t, all);
    }

    /** Flow records joined into connections, as a file's import joins them; any other table as it is. */
    public static Table joinConnections(Table t) {
        return Connections.join(new ImportResult(t, report(t, "flow records"))).table();
    }

    /** A part's report: its rows were counted, and their bad lines reported, when its files were read. */
    static ImportReport report(Table t, String format) {
        return new ImportReport("part of a log", t.rowCount(), t.rowCount(), 0, List.of(), java.util.Map.of(), 0, List.of(), List.of(), List.of(), List.of(),
                null, format);
    }

    /** A part scored against a baseline: each row's scores and labels, and each of its hosts as the hosts CSV lists it. */
    public record Scored(Table table, double[] scores, byte[] labels, double[] hostScores, byte[] hostLabels, List<List<String>> hosts) { }

    /**
     * Scores a part (every row of each of its hosts, in file order) against a baseline, as {@code score --model}
     * does, with countries from {@code geo} where the rows have none.
     */
    public static Scored score(Table t, Baseline b, String modelName, double contamination, double hostContamination, GeoIp geo) {
        ImportResult imported = new ImportResult(t, report(t, b.trained().format()));
        if (CountryFill.needed(t)) imported = new ImportResult(CountryFill.apply(t, geo).table(), imported.report());
        AnalysisPipeline p = new AnalysisPipeline(() -> geo).withBaseline(b, modelName);
        Analysis a = p.analyze(imported, null, b.settings(contamination, hostContamination), ProgressListener.NONE, new CancelToken());
        Investigation inv = Investigation.of(a, contamination, hostContamination, List.of());
        Table scored = a.table();
        int n = scored.rowCount();
        double[] hostScore = new double[n];
        byte[] hostLabel = new byte[n];
        dev.taw.features.HostKeys ip = a.ipProfile() == null ? null : a.ipProfile().hosts();
        Arrays.fill(hostScore, Double.NaN);
        if (a.hostScores() != null && ip != null) {
            for (int r = 0; r < n; r++) {
                hostScore[r] = a.hostScores().score(ip.code(r));
                hostLabel[r] = inv.hostLabels()[ip.code(r)];
            }
        }
        List<List<String>> hosts = new ArrayList<>();
        HostsCsv.prepare(inv);
        List<IpStat> stats = inv.findings().hosts();
        for (int i = 0; i < stats.size(); i++) hosts.add(HostsCsv.row(inv, i));
        return new Scored(scored, a.scores(), inv.labels(), hostScore, hostLabel, hosts);
    }

    /** The output names of the number columns of {@code t} that have empty cells (filled by the file's own median when read). */
    public static List<String> withEmptyNumbers(Table t, TableUnion.Layout layout) {
        List<String> out = new ArrayList<>();
        for (dev.taw.table.Column c : t.columns()) {
            if (c instanceof dev.taw.table.NumberColumn nc && nc.missingCount() > 0) {
                String name = layout.nameOf(t, c);
                if (!out.contains(name)) out.add(name);
            }
        }
        return out;
    }

    /** The cells of the column a layout calls {@code name} that are not empty, from a piece of a log (none: no such column). */
    public static double[] filledCells(byte[] piece, String name, TableUnion.Layout layout) {
        Table t = TableBytes.read(piece);
        for (dev.taw.table.Column c : t.columns()) {
            if (c instanceof dev.taw.table.NumberColumn nc && layout.nameOf(t, c).equals(name)) {
                double[] v = new double[nc.size() - nc.missingCount()];
                int k = 0;
                for (int r = 0; r < nc.size(); r++) if (!nc.isMissing(r)) v[k++] = nc.get(r);
                return v;
            }
        }
        return new double[0];
    }

    /**
     * The columns a scored part has, in order: the layout's, then a connection's when the records are joined, then
     * a country's when the log has none. The same for every part, so the job writes one schema.
     */
    public static List<TableUnion.ColumnSpec> scoredColumns(TableUnion.Layout layout, boolean joined, GeoIp geo) {
        Table empty = noRows(layout, joined);
        if (CountryFill.needed(empty)) empty = CountryFill.apply(empty, geo).table();
        return TableUnion.columnsOf(empty);
    }

    /** The pieces' layout after the records were joined into connections: what the scoring parts are laid out by. */
    public static TableUnion.Layout joinedLayout(TableUnion.Layout layout, boolean joined) {
        return TableUnion.Layout.of(List.of(noRows(layout, joined))).filledAlready();
    }

    /** A table of no rows with the columns of the layout, joined into connections when the log's records are. */
    private static Table noRows(TableUnion.Layout layout, boolean joined) {
        Table empty = TableUnion.of(List.of(), null, layout);
        return joined ? joinConnections(empty) : empty;
    }

    /** Hosts as the hosts CSV has them, written whole to {@code target} (cells neutralised as the CLI's are). */
    public static void writeHostsCsv(List<String> header, java.util.Iterator<List<String>> rows, Path target) throws java.io.IOException {
        List<List<String>> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        dev.taw.export.AtomicWrite.Staged staged = dev.taw.export.TableCsvWriter.stage(target, header, all.size(), all::get, new CancelToken());
        staged.commit();
    }

    /**
     * The hosts CSV's header for logs laid out by {@code layout} scored against {@code b}: the same for every part.
     * Hosts are windowed when the model counts context in windows and the log has a time.
     */
    public static List<String> hostHeader(Baseline b, TableUnion.Layout layout, boolean joined) {
        dev.taw.features.IpProfile hosts = dev.taw.features.IpProfile.of(noRows(layout, joined), b.trained().settings().contextWindow());
        boolean windowed = hosts != null && hosts.hosts().windowed(); // decided as every part's own profile decides it
        return HostsCsv.header(b.hosts() == null ? null : b.hosts().features(), windowed);
    }
}
