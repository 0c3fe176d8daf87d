// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;


import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.RowText;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import dev.taw.table.TimeText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

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
        write(target, table, scores, labels, null, null, null, progress, cancel);
    }

    /**
     * Writes the rows of {@code view} (every row when null), in input order. Scores and labels are the
     * whole file's: a filter chooses rows, it never rescores them.
     *
     * @param hosts the source hosts' scores, or null where no host forest ran
     * @param text  where the rows stand in their input file, or null: a row whose line is spelt as it would be
     *              written is copied from the file ({@link LineCopies}), the same bytes for less work
     */
    public void write(Path target, Table table, double[] scores, byte[] labels, HostColumns hosts, BitSet view, RowText text,
                      ProgressListener progress, CancelToken cancel) throws IOException {
        try (AtomicWrite.Staged s = stage(target, table, scores, labels, hosts, view, text, progress, cancel)) {
            s.commit();
        }
    }

    /** The same, complete on disk beside {@code target}, to be committed with a run's other outputs. */
    public AtomicWrite.Staged stage(Path target, Table table, double[] scores, byte[] labels, HostColumns hosts, BitSet view, RowText text,
                                   ProgressListener progress, CancelToken cancel) throws IOException {
        int[] rows = view == null ? null : view.stream().toArray();
        HostColumns.Cells hostCells = hosts == null ? null : hosts.cells();
        return AtomicWrite.stage(target, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp); LineCopies copies = LineCopies.of(text, table)) {
                writeTo(os, table, scores, labels, hostCells, rows, copies, progress, cancel);
            }
        });
    }

    private static void writeTo(OutputStream w, Table table, double[] scores, byte[] labels, HostColumns.Cells hosts, int[] rows,
                                LineCopies copies, ProgressListener progress, CancelToken cancel) throws IOException {
        List<Column> cols = table.columns();
        StringBuilder header = new StringBuilder();
        for (Column c : cols) CsvCells.appendField(header, CsvCells.neutralise(c.name())).append(',');
        header.append("anomaly_score,label,host_score,host_label\n");
        w.write(header.toString().getBytes(StandardCharsets.UTF_8));
        Field[] fields = Field.all(cols);
        int n = rows == null ? table.rowCount() : rows.length;
        int chunks = (n + CHUNK - 1) / CHUNK, window = Workers.cores() * 4;
        // a chunk's buffer is used again once written: a million rows would otherwise make a quarter gigabyte of garbage
        ArrayBlockingQueue<Bytes> spare = new ArrayBlockingQueue<>(window + 1);
        Workers.inOrder(chunks, window, c -> () -> format(fields, scores, labels, hosts, rows, copies, c * CHUNK, Math.min(n, (c + 1) * CHUNK),
                        spare.poll()),
                cancel, (c, chunk) -> {
                    Bytes b = chunk.get();
                    w.write(b.a, 0, b.n);
                    spare.offer(b);
                    progress.onProgress("Writing", Math.min(n, (c + 1L) * CHUNK), n);
                });
    }

    /**
     * One column, prepared for formatting: its raw array, and for text the quoted, neutralised UTF-8 of each
     * distinct value laid end to end (a million rows share a few thousand distinct strings, and one flat
     * array costs a cache miss per cell where an array of arrays costs two); {@code most} is the longest
     * cell it can write.
     */
    private record Field(int[] codes, byte[] text, int[] textAt, double[] numbers, long[] times, short[] micros, BitSet missing, int most) {
        /** Double.toString's longest ("-2.2250738585072014E-308"), and a time's ("+292278994-08-17T07:12:55.807999Z" and some). */
        static final int MOST_NUMBER = 24, MOST_TIME = 40;

        /**
         * The fields of {@code columns}, with each run of neighbouring columns that hold one value in every row
         * (a log's version, account, region, its "-" fields) written as one piece of text, commas and all: a VPC
         * flow log has a dozen such columns, and each put costs about as much as any other cell.
         */
        static Field[] all(List<Column> columns) {
            List<Field> out = new ArrayList<>();
            for (Column c : columns) {
                Field f = of(c);
                byte[] same = sameInEveryRow(c, f);
                if (same == null) {
                    out.add(f);
                } else if (!out.isEmpty() && out.get(out.size() - 1).isLiteral()) {
                    Field before = out.remove(out.size() - 1);
                    byte[] joined = java.util.Arrays.copyOf(before.text, before.text.length + 1 + same.length);
                    joined[before.text.length] = ',';
                    System.arraycopy(same, 0, joined, before.text.length + 1, same.length);
                    out.add(literal(joined));
                } else {
                    out.add(literal(same));
                }
            }
            return out.toArray(new Field[0]);
        }

        /** A fixed piece of text, the same in every row. */
        static Field literal(byte[] bytes) {
            return new Field(null, bytes, null, null, null, null, null, bytes.length);
        }

        boolean isLiteral() { return codes == null && text != null; }

        /** The cell text of a text or number column that is one value in every row, else null. */
        private static byte[] sameInEveryRow(Column c, Field f) {
            // times are left out: a time column's test compares milliseconds, and its cells may also show microseconds
            if (c.size() == 0 || c instanceof TimeColumn || !c.isConstant()) return null;
            Bytes b = new Bytes(f.most);
            cell(b, f, new TimeText[1], 0, 0);
            return java.util.Arrays.copyOf(b.a, b.n);
        }

        static Field of(Column c) {
            if (c instanceof TextColumn tc) {
                String[] d = tc.dictionary();
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(d.length * 16);
                int[] at = new int[d.length + 1];
                int most = 0;
                for (int k = 0; k < d.length; k++) {
                    all.writeBytes(CsvCells.appendField(new StringBuilder(), CsvCells.neutralise(d[k])).toString().getBytes(StandardCharsets.UTF_8));
                    at[k + 1] = all.size();
                    most = Math.max(most, at[k + 1] - at[k]);
                }
                return new Field(tc.codes(), all.toByteArray(), at, null, null, null, null, most);
            }
            if (c instanceof NumberColumn nc) return new Field(null, null, null, nc.values(), null, null, missing(nc.missingRows()), MOST_NUMBER);
            if (c instanceof TimeColumn tc) return new Field(null, null, null, null, tc.values(), tc.micros(), missing(tc.missingRows()), MOST_TIME);
            throw new IllegalArgumentException("unknown column type " + c.getClass());
        }

        /** The rows without a value, or null when there are none: a cell then asks no bit set. */
        private static BitSet missing(BitSet rows) {
            return rows.isEmpty() ? null : rows;
        }
    }

    /**
     * Formats rows [from, to) of the output (of {@code rows} when not null) straight to UTF-8 bytes. A row is
     * a method of its own and a cell another, each small: a cold process compiles them early and whole, where
     * one long loop was compiled on the stack several times over while the writer was already running.
     */
    private static Bytes format(Field[] fields, double[] scores, byte[] labels, HostColumns.Cells hosts, int[] rows, LineCopies copies, int from,
                                int to, Bytes reuse) throws IOException {
        int tail = Field.MOST_NUMBER + MINUS_ONE.length + 1 + (hosts == null ? NO_HOST.length : hosts.most()), most = tail;
        for (Field f : fields) most += f.most + 1;
        int room = (to - from) * 256 + most; // rows of a few hundred bytes never need it to grow
        Bytes b = reuse != null && reuse.a.length >= room ? reuse : new Bytes(room);
        b.n = 0;
        TimeText[] times = new TimeText[fields.length];
        LineCopies.Span lines = copies == null ? null : copies.read(rows, from, to);
        for (int k = from; k < to; k++) {
            int r = rows == null ? k : rows[k];
            if (lines != null && copies.copyable(r) && lines.holds(copies.line(r), copies.fileSize())) {
                long line = copies.line(r);
                int at = (int) (RowText.offset(line) - lines.at()), length = RowText.length(line);
                b.reserve(length + 1 + tail);
                b.put(lines.bytes(), at, at + length);
                b.put((byte) ',');
                scores(b, r, scores, labels, hosts);
            } else {
                b.reserve(most);
                row(b, fields, times, r, scores, labels, hosts);
            }
        }
        return b;
    }

    private static void row(Bytes b, Field[] fields, TimeText[] times, int r, double[] scores, byte[] labels, HostColumns.Cells hosts) {
        for (int i = 0; i < fields.length; i++) {
            cell(b, fields[i], times, i, r);
            b.put((byte) ',');
        }
        scores(b, r, scores, labels, hosts);
    }

    /** The row's score and label, its host's, and the line's end. */
    private static void scores(Bytes b, int r, double[] scores, byte[] labels, HostColumns.Cells hosts) {
        b.putAscii(ScoreText.of(scores[r]));
        if (labels[r] < 0) b.put(MINUS_ONE, 0, MINUS_ONE.length);
        else b.put(ONE, 0, ONE.length);
        if (hosts == null) {
            b.put(NO_HOST, 0, NO_HOST.length);
        } else {
            int h = hosts.codes()[r];
            b.put(hosts.bytes(), hosts.at()[h], hosts.at()[h + 1]);
        }
        b.put((byte) '\n');
    }

    private static void cell(Bytes b, Field f, TimeText[] times, int i, int r) {
        if (f.codes != null) {
            int code = f.codes[r];
            b.put(f.text, f.textAt[code], f.textAt[code + 1]);
        } else if (f.text != null) {
            b.put(f.text, 0, f.text.length);
        } else if (f.numbers != null) {
            if (f.missing == null || !f.missing.get(r)) number(b, f.numbers[r]);
        } else if (f.missing == null || !f.missing.get(r)) {
            if (f.micros != null && f.micros[r] != 0) {
                b.putAscii(TimeColumn.text(f.times[r], f.micros[r])); // the log's own microseconds
            } else {
                if (times[i] == null) times[i] = new TimeText();
                byte[] t = times[i].of(f.times[r]);
                b.put(t, 0, t.length);
            }
        }
    }

    /** {@link NumberColumn#formatNumber}'s text, whole numbers without going through a String. */
    private static void number(Bytes b, double v) {
        // whole: the cast keeps a whole number in this range exactly (and no call to Math.rint, which the quick compiler makes)
        if (v >= 0 && v < 1e15 && (long) v == v) b.putDigits((long) v);
        else b.putAscii(NumberColumn.formatNumber(v));
    }

    private static final byte[] MINUS_ONE = {',', '-', '1'};
    private static final byte[] ONE = {',', '1'};
    private static final byte[] NO_HOST = {',', ','};
}
