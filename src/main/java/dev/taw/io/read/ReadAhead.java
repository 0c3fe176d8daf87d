// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import dev.taw.job.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on its own thread, a few blocks ahead of the reader: decompressing a gzip log takes a
 * core's worth of time that would otherwise come before parsing instead of beside it (on 2 cores, a
 * million flow records parse while the next megabytes are inflated). At most {@value #BLOCKS} blocks are
 * held, so memory stays bounded whatever the file's size. An error on the reading thread is thrown to
 * the reader at the point in the data where it happened.
 */
final class ReadAhead extends InputStream {
    private static final int BLOCK = 1 << 20;
    /** The first block is small, so the reader starts after 64 kB, not after a whole small file has been inflated. */
    private static final int FIRST = 1 << 16;
    private static final int BLOCKS = 4;
    private static final byte[] END = new byte[0];

    private final InputStream in;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(BLOCKS);
    /** Whole blocks the reader has finished with, filled again: a gzip log would otherwise inflate into a new megabyte each time. */
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(BLOCKS + 2);
    private final Thread worker;
    private volatile boolean closed;
    private volatile IOException failure;
    private byte[] block = new byte[0];
    private int pos;
    private boolean ended;

    ReadAhead(InputStream in, String name) {
        this.in = in;
        this.worker = Workers.daemon("read-ahead " + name, this::fill);
        worker.start();
    }

    private void fill() {
        try {
            for (int size = FIRST; !closed; size = Math.min(BLOCK, size * 4)) {
                byte[] b = size == BLOCK ? spare.poll() : null;
                if (b == null) b = new byte[size];
                int n = 0;
                try {
                    for (int k; n < size && (k = in.read(b, n, size - n)) > 0; ) n += k;
                } catch (IOException e) {
                    if (n > 0) queue.put(Arrays.copyOf(b, n)); // what was read before the error comes first
                    throw e;
                }
                if (n == 0) break;
                queue.put(n == size ? b : Arrays.copyOf(b, n));
                if (n < size) break;
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            return; // closed by the reader
        } catch (RuntimeException | Error e) { // the reader must still get its end marker, or it waits forever
            failure = new IOException(e.toString(), e);
        }
        try {
            queue.put(END);
        } catch (InterruptedException ignored) {
            // closed by the reader: nobody waits for the end
        }
    }

    private boolean next() throws IOException {
        if (ended) return false;
        if (block.length == BLOCK) spare.offer(block); // copied out already: read() hands out no reference to it
        try {
            block = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
        pos = 0;
        if (block == END) {
            ended = true;
            if (failure != null) throw failure;
            return false;
        }
        return true;
    }

    @Override public int read() throws IOException {
        if (pos == block.length && !next()) return -1;
        return block[pos++] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos == block.length && !next()) return -1;
        int n = Math.min(len, block.length - pos);
        System.arraycopy(block, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override public int available() {
        return block.length - pos;
    }

    @Override public void close() throws IOException {
        closed = true;
        stop(worker, queue);
        in.close();
    }

    /** Stops a thread that fills {@code queue}: interrupted out of a blocking put, the queue emptied, then waited for briefly. */
    static void stop(Thread worker, BlockingQueue<?> queue) {
        worker.interrupt();
        queue.clear();
        try {
            worker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
