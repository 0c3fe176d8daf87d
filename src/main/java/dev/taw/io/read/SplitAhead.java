// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import dev.taw.job.Workers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Splits the lines of a big space-separated log into fields on a thread of its own, a few thousand lines
 * ahead of the parser: finding line ends and field bounds, hashing each field for the dictionaries and
 * reading plain digits take half of a flow log's parsing time, and none of it depends on the format. The
 * parser then only looks values up and appends them. Lines come out in order, as {@link LineReader}'s do.
 */
public final class SplitAhead implements LineView {
    private static final int LINES = 4096;
    private static final Batch END = new Batch();

    /** A run of consecutive lines: their bytes end to end, and per line its fields. */
    private static final class Batch {
        int count;
        byte[] data = new byte[1 << 20];
        int size;
        public int[] start = new int[LINES];
        public int[] end = new int[LINES];
        long[] lineNo = new long[LINES];
        boolean[] ascii = new boolean[LINES];
        boolean[] tooLong = new boolean[LINES];
        int[] firstField = new int[LINES + 1];
        public Fields fields = new Fields(LINES * 16);
    }

    /** Field bounds, hashes and digit values, end to end for the lines of a batch (or for one line). */
    public static final class Fields {
        public int[] start;
        public int[] end;
        public int[] hash;
        public long[] digits;

        public Fields(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            hash = new int[capacity];
            digits = new long[capacity];
        }

        void ensure(int n) {
            if (n <= start.length) return;
            int c = Math.max(n, start.length * 2);
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            hash = Arrays.copyOf(hash, c);
            digits = Arrays.copyOf(digits, c);
        }

        /**
         * Splits {@code b[from, to)} on runs of spaces into fields stored from index {@code at}; for each its
         * String-compatible hash (of ASCII) and, for plain digits (up to 15), their value, else -1.
         *
         * @return the number of fields
         */
        public int split(byte[] b, int from, int to, int at) {
            int n = 0, i = from;
            while (i < to) {
                while (i < to && b[i] == ' ') i++;
                if (i == to) break;
                ensure(at + n + 1);
                int s = i, h = 0;
                long v = 0;
                boolean plain = true;
                for (; i < to && b[i] != ' '; i++) {
                    byte c = b[i];
                    h = 31 * h + c;
                    if (c >= '0' && c <= '9') v = v * 10 + (c - '0'); else plain = false;
                }
                start[at + n] = s;
                end[at + n] = i;
                hash[at + n] = h;
                digits[at + n] = plain && i - s <= 15 ? v : -1;
                n++;
            }
            return n;
        }
    }

    private final LineReader reader;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(6);
    private final Thread worker;
    private volatile boolean closed;
    private volatile IOException failure;
    private Batch batch;
    private int index = -1;

    public SplitAhead(LineReader reader, String name) {
        this.reader = reader;
        for (int i = 0; i < 6; i++) free.add(new Batch());
        worker = Workers.daemon("split-ahead " + name, this::fill);
        worker.start();
    }

    private void fill() {
        try {
            Batch b = free.take();
            b.count = 0;
            b.size = 0;
            while (!closed && reader.advance()) {
                int k = b.count;
                b.lineNo[k] = reader.lineNumber();
                b.tooLong[k] = reader.lineTooLong();
                b.ascii[k] = reader.lineAscii();
                int len = reader.lineEnd() - reader.lineStart();
                if (b.size + len > b.data.length) b.data = Arrays.copyOf(b.data, Math.max(b.size + len, b.data.length * 2));
                System.arraycopy(reader.lineBytes(), reader.lineStart(), b.data, b.size, len);
                b.start[k] = b.size;
                b.end[k] = b.size + len;
                b.size += len;
                b.firstField[k + 1] = b.firstField[k] + (b.tooLong[k] ? 0 : b.fields.split(b.data, b.start[k], b.end[k], b.firstField[k]));
                if (++b.count == LINES) {
                    full.put(b);
                    b = free.take();
                    b.count = 0;
                    b.size = 0;
                }
            }
            if (b.count > 0) full.put(b);
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            return; // closed by the reader
        } catch (RuntimeException | Error e) {
            failure = new IOException(e.toString(), e);
        }
        try {
            full.put(END);
        } catch (InterruptedException ignored) {
            // closed by the reader: nobody waits for the end
        }
    }

    @Override public boolean advance() throws IOException {
        if (batch == END) return false;
        if (batch == null || ++index == batch.count) {
            if (batch != null) free.offer(batch);
            try {
                batch = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            index = 0;
            if (batch == END) {
                if (failure != null) throw failure;
                return false;
            }
        }
        return true;
    }

    @Override public long lineNumber() { return batch.lineNo[index]; }

    @Override public byte[] lineBytes() { return batch.data; }

    @Override public int lineStart() { return batch.start[index]; }

    @Override public int lineEnd() { return batch.end[index]; }

    @Override public boolean lineAscii() { return batch.ascii[index]; }

    @Override public boolean lineTooLong() { return batch.tooLong[index]; }

    @Override public String lineText() {
        return new String(batch.data, lineStart(), lineEnd() - lineStart(), lineAscii() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * The fields of the current line's batch: the line's own are {@link #fieldCount()} of them from index
     * {@link #firstField()}, valid until {@link #advance()} (read in place: copying them cost the parser a
     * twentieth of its time).
     */
    public Fields fields() { return batch.fields; }

    public int firstField() { return batch.firstField[index]; }

    public int fieldCount() { return batch.firstField[index + 1] - batch.firstField[index]; }

    @Override public void close() throws IOException {
        closed = true;
        ReadAhead.stop(worker, full);
        reader.close();
    }
}
