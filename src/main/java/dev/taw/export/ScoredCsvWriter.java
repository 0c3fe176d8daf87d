// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;


import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * Writes every imported row, in input order, with all its input columns followed by
 * {@code anomaly_score} and {@code label} (-1 suspicious, 1 normal), then {@code host_score} and
 * {@code host_label}: the same for the row's source host, empty where no host forest ran. RFC 4180 CSV
 * (fields quoted only when they hold a comma, quote or line break).
 *
 * <p>Written whole or not at all: rows go to a temporary file beside the target, which is moved into
 * place only when complete. Text cells a spreadsheet would run as a formula ({@code = + - @}, tab or CR
 * first, and not a number) get a leading apostrophe, as OWASP advises against CSV injection.
 *
 * <p>Rows are formatted in chunks on every core and written in order, with a bounded number of chunks in
 * flight so memory stays flat for any row count.
 */
public final class ScoredCsvWriter {
    /**
     * Rows per chunk: small enough that a chunk's bytes (a few hundred kB) stay below G1's humongous-object
     * size on a 1 GB heap; bigger chunks went straight to the old generation and set off a concurrent
     * cycle every few chunks.
     */
    private static final int CHUNK = 1024;

    /** Writes every row, without host scores. */
    public void write(Path target, Table table, double[] scores, byte[] labels, ProgressListener progress, CancelToken cancel) throws IOException {
        write(target, table, scores, labels, null, null, progress, cancel);
    }

    /**
     * Writes the rows of {@code view} (every row when null), in input order. Scores and labels are the
     * whole file's: a filter chooses rows, it never rescores them.
     *
     * @param hosts the source hosts' scores, or null where no host forest ran
     */
    public void write(Path target, Table table, double[] scores, byte[] labels, HostColumns hosts, BitSet view, ProgressListener progress,
                      CancelToken cancel) throws IOException {
        try (AtomicWrite.Staged s = stage(target, table, scores, labels, hosts, view, progress, cancel)) {
            s.commit();
        }
    }

    /** The same, complete on disk beside {@code target}, to be committed with a run's other outputs. */
    public AtomicWrite.Staged stage(Path target, Table table, double[] scores, byte[] labels, HostColumns hosts, BitSet view,
                                   ProgressListener progress, CancelToken cancel) throws IOException {
        int[] rows = view == null ? null : view.stream().toArray();
        HostColumns.Cells hostCells = hosts == null ? null : hosts.cells();
        return AtomicWrite.stage(target, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                writeTo(os, table, scores, labels, hostCells, rows, progress, cancel);
            }
        });
    }

    private static void writeTo(OutputStream w, Table table, double[] scores, byte[] labels, HostColumns.Cells hosts, int[] rows,
                                ProgressListener progress, CancelToken cancel) throws IOException {
        List<Column> cols = table.columns();
        StringBuilder header = new StringBuilder();
        for (Column c : cols) CsvCells.appendField(header, CsvCells.neutralise(c.name())).append(',');
        header.append("anomaly_score,label,host_score,host_label\n");
        w.write(header.toString().getBytes(StandardCharsets.UTF_8));
        Field[] fields = new Field[cols.size()];
        for (int i = 0; i < fields.length; i++) fields[i] = Field.of(cols.get(i));
        int n = rows == null ? table.rowCount() : rows.length;
        int chunks = (n + CHUNK - 1) / CHUNK;
        Workers.inOrder(chunks, Workers.cores() * 4, c -> () -> format(fields, scores, labels, hosts, rows, c * CHUNK, Math.min(n, (c + 1) * CHUNK)), cancel,
                (c, chunk) -> {
                    Bytes b = chunk.get();
                    w.write(b.a, 0, b.n);
                    progress.onProgress("Writing", Math.min(n, (c + 1L) * CHUNK), n);
                });
    }

    /**
     * One column, prepared for formatting: its raw array, and for text the quoted, neutralised UTF-8 of each
     * distinct value laid end to end (a million rows share a few thousand distinct strings, and one flat
     * array costs a cache miss per cell where an array of arrays costs two).
     */
    private record Field(int[] codes, byte[] text, int[] textAt, double[] numbers, long[] times, short[] micros, BitSet missing) {
        static Field of(Column c) {
            if (c instanceof TextColumn tc) {
                String[] d = tc.dictionary();
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(d.length * 16);
                int[] at = new int[d.length + 1];
                for (int k = 0; k < d.length; k++) {
                    all.writeBytes(CsvCells.appendField(new StringBuilder(), CsvCells.neutralise(d[k])).toString().getBytes(StandardCharsets.UTF_8));
                    at[k + 1] = all.size();
                }
                return new Field(tc.codes(), all.toByteArray(), at, null, null, null, null);
            }
            if (c instanceof NumberColumn nc) return new Field(null, null, null, nc.values(), null, null, missing(nc));
            if (c instanceof TimeColumn tc) return new Field(null, null, null, null, tc.values(), tc.micros(), missing(tc));
            throw new IllegalArgumentException("unknown column type " + c.getClass());
        }

        private static BitSet missing(Column c) {
            BitSet m = new BitSet(c.size());
            for (int r = 0; r < c.size(); r++) if (c.isMissing(r)) m.set(r);
            return m;
        }
    }

    /** Formats rows [from, to) of the output (of {@code rows} when not null) straight to UTF-8 bytes. */
    private static Bytes format(Field[] fields, double[] scores, byte[] labels, HostColumns.Cells hosts, int[] rows, int from, int to) {
        Bytes b = new Bytes((to - from) * 256);
        TimeText[] times = new TimeText[fields.length];
        for (int k = from; k < to; k++) {
            int r = rows == null ? k : rows[k];
            for (int i = 0; i < fields.length; i++) {
                Field f = fields[i];
                if (f.codes != null) {
                    int code = f.codes[r];
                    b.append(f.text, f.textAt[code], f.textAt[code + 1]);
                } else if (f.numbers != null) {
                    if (!f.missing.get(r)) {
                        double v = f.numbers[r];
                        if (v == Math.rint(v) && Math.abs(v) < 1e15) b.append((long) v);
                        else b.ascii(NumberColumn.formatNumber(v));
                    }
                } else if (!f.missing.get(r)) {
                    if (f.micros != null && f.micros[r] != 0) {
                        b.ascii(TimeColumn.text(f.times[r], f.micros[r])); // the log's own microseconds
                    } else {
                        if (times[i] == null) times[i] = new TimeText();
                        b.append(times[i].of(f.times[r]));
                    }
                }
                b.append((byte) ',');
            }
            b.ascii(Double.toString(scores[r]));
            b.append(labels[r] < 0 ? MINUS_ONE : ONE);
            if (hosts == null) {
                b.append(NO_HOST);
            } else {
                int h = hosts.codes()[r];
                b.append(hosts.bytes(), hosts.at()[h], hosts.at()[h + 1]);
            }
            b.append((byte) '\n');
        }
        return b;
    }

    private static final byte[] MINUS_ONE = {',', '-', '1'};
    private static final byte[] ONE = {',', '1'};
    private static final byte[] NO_HOST = {',', ','};
}
