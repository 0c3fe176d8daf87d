// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.job;

import java.util.concurrent.CancellationException;

/** Cooperative cancellation: jobs poll it between chunks of work and stop cleanly. */
public final class CancelToken {
    /** A token nobody cancels, for batch runs. */
    public static final CancelToken NEVER = new CancelToken();

    private volatile boolean cancelled;

    public void cancel() {
        if (this != NEVER) cancelled = true;
    }

    public boolean isCancelled() { return cancelled; }

    /** Throws {@link CancellationException} once {@link #cancel()} was called. */
    public void throwIfCancelled() {
        if (cancelled) throw new CancellationException("cancelled");
    }
}
