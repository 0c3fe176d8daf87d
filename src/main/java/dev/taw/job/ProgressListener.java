// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.job;

/**
 * Receives progress from long jobs. Called from the worker thread, often: implementations must be
 * cheap and must hand off to their own thread themselves (the UI coalesces; the CLI prints rarely).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is running, in the analyst's words ("Reading", "Fitting trees", …)
     * @param done  units done so far
     * @param total units in all, or -1 when unknown
     */
    void onProgress(String stage, long done, long total);
}
