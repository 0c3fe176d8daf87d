// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.io.FlowView;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.TableUnion;
import dev.taw.pipeline.LogParts;
import dev.taw.table.Table;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * The work of the tasks. A log moves between them as pieces: some rows of one part of the log as bytes, keyed by
 * the part they go to. A key below the number of parts is a source host's part; from there up, an address
 * pair's part, whose records are joined into connections before they go on to their hosts.
 */
final class Pieces {
    private Pieces() { }

    /** What reading one file found: its columns, which numbers had empty cells, its counts and first bad lines. */
    record FileReport(String name, List<TableUnion.ColumnSpec> columns, List<String> emptyNumbers, long read, long imported, long skipped,
                      List<String> issues, String notALog) implements Serializable { }

    /**
     * Reads each file with the workbench's importer and cuts it into pieces by address pair (flow records to join) or
     * source host (within its context window of {@code window} ms, 0 for the whole log).
     */
    static Iterator<Tuple2<Integer, byte[]>> read(HadoopFiles fs, HadoopFiles.Input f, int parts, long window, FlowView flows,
                                                   CollectionAccumulator<FileReport> reports) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("taw-read");
            return cut(fs.toLocal(f.uri(), dir), f, parts, window, flows, reports);
        } catch (IOException e) {
            throw new UncheckedIOException(f.uri() + ": " + e.getMessage(), e);
        } finally {
            deleteAll(dir);
        }
    }

    /** A local copy of a file read and cut into pieces; its report added to {@code reports}. */
    static Iterator<Tuple2<Integer, byte[]>> cut(Path local, HadoopFiles.Input f, int parts, long window, FlowView flows,
                                                  CollectionAccumulator<FileReport> reports) {
        List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
        ImportResult r;
        try {
            r = LogParts.read(local, f.name());
        } catch (ImportException e) {
            reports.add(new FileReport(f.name(), List.of(), List.of(), 0, 0, 0, List.of(), e.getMessage().replaceFirst("^.*?: ", "")));
            return out.iterator();
        }
        Table t = r.table();
        TableUnion.Layout own = TableUnion.Layout.of(List.of(t));
        reports.add(report(f, r, own));
        int[] pair = LogParts.byAddressPair(t, flows, parts);
        int[] part = pair != null ? pair : LogParts.byHost(t, parts, window);
        int offset = pair != null ? parts : 0;
        byte[][] pieces = LogParts.split(t, part, parts);
        for (int p = 0; p < parts; p++) if (pieces[p] != null) out.add(new Tuple2<>(offset + p, pieces[p]));
        return out.iterator();
    }

    private static FileReport report(HadoopFiles.Input f, ImportResult r, TableUnion.Layout own) {
        ImportReport rep = r.report();
        List<String> issues = new ArrayList<>();
        for (ImportIssue i : rep.issues()) {
            if (issues.size() == 20) break;
            String said = i.toString();
            issues.add(i.file() != null && said.startsWith(i.file()) ? f.name() + said.substring(i.file().length()) : f.name() + ": " + said);
        }
        return new FileReport(f.name(), TableUnion.columnsOf(r.table()), LogParts.withEmptyNumbers(r.table(), own), rep.rowsRead(),
                rep.rowsImported(), rep.skippedCount(), issues, null);
    }

    /** An address pair's pieces as one table (the whole log's layout and fills), joined into connections, cut by source host (and window). */
    static Iterator<Tuple2<Integer, byte[]>> join(Iterator<Tuple2<Integer, byte[]>> in, TableUnion.Layout layout, int parts, long window) {
        List<byte[]> pieces = new ArrayList<>();
        in.forEachRemaining(t -> pieces.add(t._2()));
        List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
        if (pieces.isEmpty()) return out.iterator();
        Table joined = LogParts.joinConnections(LogParts.union(pieces, layout));
        byte[][] byHost = LogParts.split(joined, LogParts.byHost(joined, parts, window), parts);
        for (int p = 0; p < parts; p++) if (byHost[p] != null) out.add(new Tuple2<>(p, byHost[p]));
        return out.iterator();
    }

    static void deleteAll(Path dir) {
        if (dir == null) return;
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a task's temporary folder: the executor's scratch space is cleaned when it ends
        }
    }
}
