// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import dev.taw.job.Workers;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * While a file is being written, has the system put what is written so far on disk every tenth of a second,
 * on a thread of its own, so that the force that ends the write waits for the last part only. The system
 * writes a file back by itself only once a tenth of the memory is waiting or after half a minute: a scored
 * CSV of a million rows (a few hundred megabytes) was all still in memory when it was forced, and the run
 * then sat idle while the disk took it.
 */
final class Writeback implements AutoCloseable {
    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Thread thread;
    private volatile boolean done;
    private volatile int forced;

    Writeback(Path file) {
        thread = Workers.daemon("writeback " + file.getFileName(), () -> run(file));
        thread.start();
    }

    private void run(Path file) {
        // its own channel, never interrupted: an interrupt would close it mid-force
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            while (true) {
                LockSupport.parkNanos(this, PERIOD_NANOS);
                if (done) return;
                c.force(false);
                forced++;
            }
        } catch (IOException | RuntimeException e) {
            // only an early start: the closing force of the whole file reports what is wrong
        }
    }

    /** How many times the file was put on disk before the end (tests). */
    int forced() { return forced; }

    /** Stops, once a force under way has returned; the file is then held open by the writer alone. */
    @Override public void close() {
        done = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
