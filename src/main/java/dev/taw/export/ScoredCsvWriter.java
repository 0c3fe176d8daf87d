// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;


import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes every imported row, in input order, with all its input columns followed by
 * {@code anomaly_score} and {@code label} (-1 suspicious, 1 normal), as RFC 4180 CSV (fields quoted
 * only when they hold a comma, quote or line break).
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

    public void write(Path target, Table table, double[] scores, byte[] labels, ProgressListener progress, CancelToken cancel) throws IOException {
        AtomicWrite.write(target, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                writeTo(os, table, scores, labels, progress, cancel);
            }
        });
    }

    private static void writeTo(OutputStream w, Table table, double[] scores, byte[] labels, ProgressListener progress, CancelToken cancel) throws IOException {
        List<Column> cols = table.columns();
        StringBuilder header = new StringBuilder();
        for (Column c : cols) appendField(header, neutralise(c.name())).append(',');
        header.append("anomaly_score,label\n");
        w.write(header.toString().getBytes(StandardCharsets.UTF_8));
        Field[] fields = new Field[cols.size()];
        for (int i = 0; i < fields.length; i++) fields[i] = Field.of(cols.get(i));
        int n = table.rowCount();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "csv-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Bytes>> inFlight = new ArrayDeque<>();
            int next = 0;
            int written = 0;
            while (written < n) {
                while (next < n && inFlight.size() < threads * 4) {
                    int from = next, to = Math.min(n, next + CHUNK);
                    inFlight.add(pool.submit(() -> format(fields, scores, labels, from, to)));
                    next = to;
                }
                cancel.throwIfCancelled();
                Bytes chunk = inFlight.poll().get();
                w.write(chunk.a, 0, chunk.n);
                written = Math.min(n, written + CHUNK);
                progress.onProgress("Writing", written, n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        } catch (ExecutionException e) {
            throw new IOException("formatting rows failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One column, prepared for formatting: its raw array, and for text the quoted, neutralised UTF-8 of each
     * distinct value laid end to end (a million rows share a few thousand distinct strings, and one flat
     * array costs a cache miss per cell where an array of arrays costs two).
     */
    private record Field(int[] codes, byte[] text, int[] textAt, double[] numbers, long[] times, BitSet missing) {
        static Field of(Column c) {
            if (c instanceof TextColumn tc) {
                String[] d = tc.dictionary();
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(d.length * 16);
                int[] at = new int[d.length + 1];
                for (int k = 0; k < d.length; k++) {
                    all.writeBytes(appendField(new StringBuilder(), neutralise(d[k])).toString().getBytes(StandardCharsets.UTF_8));
                    at[k + 1] = all.size();
                }
                return new Field(tc.codes(), all.toByteArray(), at, null, null, null);
            }
            if (c instanceof NumberColumn nc) return new Field(null, null, null, nc.values(), null, missing(nc));
            if (c instanceof TimeColumn tc) return new Field(null, null, null, null, tc.values(), missing(tc));
            throw new IllegalArgumentException("unknown column type " + c.getClass());
        }

        private static BitSet missing(Column c) {
            BitSet m = new BitSet(c.size());
            for (int r = 0; r < c.size(); r++) if (c.isMissing(r)) m.set(r);
            return m;
        }
    }

    /** Formats rows [from, to) straight to UTF-8 bytes. */
    private static Bytes format(Field[] fields, double[] scores, byte[] labels, int from, int to) {
        Bytes b = new Bytes((to - from) * 256);
        TimeText[] times = new TimeText[fields.length];
        for (int r = from; r < to; r++) {
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
                    if (times[i] == null) times[i] = new TimeText();
                    b.append(times[i].of(f.times[r]));
                }
                b.append((byte) ',');
            }
            b.ascii(Double.toString(scores[r]));
            b.append(labels[r] < 0 ? MINUS_ONE : ONE);
        }
        return b;
    }

    private static final byte[] MINUS_ONE = {',', '-', '1', '\n'};
    private static final byte[] ONE = {',', '1', '\n'};

    /** A growable byte buffer with the few appends the rows need. */
    private static final class Bytes {
        private byte[] a;
        private int n;

        Bytes(int capacity) { a = new byte[capacity]; }

        void append(byte x) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
            a[n++] = x;
        }

        void append(byte[] x, int from, int to) {
            int len = to - from;
            if (n + len > a.length) a = java.util.Arrays.copyOf(a, Math.max(n + len, a.length * 2));
            System.arraycopy(x, from, a, n, len);
            n += len;
        }

        void append(byte[] x) {
            if (n + x.length > a.length) a = java.util.Arrays.copyOf(a, Math.max(n + x.length, a.length * 2));
            System.arraycopy(x, 0, a, n, x.length);
            n += x.length;
        }

        /** For strings known to be ASCII (numbers). */
        void ascii(String s) {
            if (n + s.length() > a.length) a = java.util.Arrays.copyOf(a, Math.max(n + s.length(), a.length * 2));
            for (int i = 0; i < s.length(); i++) a[n++] = (byte) s.charAt(i);
        }

        void append(long v) {
            if (v < 0) {
                ascii(Long.toString(v));
                return;
            }
            if (n + 20 > a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
            int digits = 1;
            for (long p = 10; p <= v && digits < 19; p *= 10) digits++;
            for (int i = n + digits - 1; i >= n; i--) {
                a[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            n += digits;
        }

    }

    /** ISO-8601 UTC text of the last instant seen: logs repeat the same timestamp row after row. */
    private static final class TimeText {
        private long last = Long.MIN_VALUE;
        private byte[] text;
        private long day = Long.MIN_VALUE;          // the day of the reusable text below
        private final byte[] sameDay = new byte[20]; // "YYYY-MM-DDThh:mm:ssZ", time of day rewritten in place

        /** The text of an instant; valid until the next call (the caller copies it at once). */
        byte[] of(long millis) {
            if (millis == last) return text;
            last = millis;
            long sec = Math.floorDiv(millis, 1000);
            if (millis % 1000 == 0 && Math.floorDiv(sec, 86_400) == day) {
                // flow records of one day in any order: only the time of day changes, no calendar arithmetic
                int s = (int) Math.floorMod(sec, 86_400);
                two(sameDay, 11, s / 3600);
                two(sameDay, 14, s / 60 % 60);
                two(sameDay, 17, s % 60);
                return text = sameDay;
            }
            String iso = iso(millis);
            if (millis % 1000 == 0 && iso.length() == 20) { // the plain form: its date can serve the day's other seconds
                day = Math.floorDiv(sec, 86_400);
                System.arraycopy(iso.getBytes(StandardCharsets.US_ASCII), 0, sameDay, 0, 20);
                return text = sameDay;
            }
            day = Long.MIN_VALUE;
            return text = iso.getBytes(StandardCharsets.US_ASCII);
        }

        private static void two(byte[] b, int at, int v) {
            b[at] = (byte) ('0' + v / 10);
            b[at + 1] = (byte) ('0' + v % 10);
        }

        /** Same text as {@code Instant.toString()} for whole seconds in years 0000–9999, built directly. */
        static String iso(long millis) {
            if (millis % 1000 != 0) return java.time.Instant.ofEpochMilli(millis).toString();
            LocalDateTime t = LocalDateTime.ofEpochSecond(millis / 1000, 0, ZoneOffset.UTC);
            if (t.getYear() < 0 || t.getYear() > 9999) return java.time.Instant.ofEpochMilli(millis).toString();
            char[] c = "0000-00-00T00:00:00Z".toCharArray();
            put(c, 0, t.getYear(), 4);
            put(c, 5, t.getMonthValue(), 2);
            put(c, 8, t.getDayOfMonth(), 2);
            put(c, 11, t.getHour(), 2);
            put(c, 14, t.getMinute(), 2);
            put(c, 17, t.getSecond(), 2);
            return new String(c);
        }

        private static void put(char[] c, int at, int value, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                c[i] = (char) ('0' + value % 10);
                value /= 10;
            }
        }
    }

    /** Appends the field, quoted (with quotes doubled) only if it holds a comma, a quote or a line break. */
    static StringBuilder appendField(StringBuilder b, String v) {
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) return b.append(v);
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') b.append('"');
            b.append(c);
        }
        return b.append('"');
    }

    /** Prefixes an apostrophe to text a spreadsheet would evaluate; numbers like -12 stay as they are. */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return cell;
        if ((c == '+' || c == '-') && looksNumeric(cell)) return cell;
        return "'" + cell;
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return s.strip().equals(s) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
