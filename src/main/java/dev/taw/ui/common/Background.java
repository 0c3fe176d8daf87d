// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the window's long work runs and where its results are applied. The window uses {@link FxBackground}
 * (work on daemon threads, results on the FX thread); view-model tests use {@link #sameThread()}, where
 * everything runs at once on the caller's thread, so a view-model can be driven and checked without a stage.
 */
public interface Background {

    /** A job: given progress and cancellation, produce a result. */
    @FunctionalInterface
    interface Job<T> {
        T run(ProgressListener progress, CancelToken cancel) throws Exception;
    }

    /** Progress of a running job, delivered on the UI thread, coalesced. */
    @FunctionalInterface
    interface Progress {
        void update(String stage, double fraction);
    }

    /** A started job; {@link #cancel()} stops it cooperatively. */
    interface Running {
        void cancel();
    }

    /**
     * Starts {@code job}. {@code onDone} gets the result, {@code onFailed} the failure (not called for
     * cancellation: {@code onCancelled} is), {@code progress} the progress; all on the UI thread.
     */
    <T> Running start(String title, Job<T> job, Progress progress, Consumer<T> onDone, Consumer<Throwable> onFailed, Runnable onCancelled);

    /** Runs a quick computation off the UI thread and applies its result, or its failure, on it. */
    <T> void compute(Supplier<T> work, Consumer<T> apply, Consumer<Throwable> onFailed);

    /** Latest-wins recomputation for sliders and clicks, waiting {@code quietMillis} for the input to settle. */
    LatestWins latestWins(long quietMillis);

    /** Everything at once on the caller's thread: for tests of view-models. */
    static Background sameThread() {
        return new Background() {
            @Override
            public <T> Running start(String title, Job<T> job, Progress progress, Consumer<T> onDone, Consumer<Throwable> onFailed, Runnable onCancelled) {
                CancelToken token = new CancelToken();
                T result;
                try {
                    result = job.run((stage, done, total) -> progress.update(stage, total > 0 ? (double) done / total : -1), token);
                } catch (java.util.concurrent.CancellationException e) {
                    onCancelled.run();
                    return token::cancel;
                } catch (Exception | Error e) {
                    onFailed.accept(e);
                    return token::cancel;
                }
                onDone.accept(result);
                return token::cancel;
            }

            @Override
            public <T> void compute(Supplier<T> work, Consumer<T> apply, Consumer<Throwable> onFailed) {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException | Error e) {
                    onFailed.accept(e);
                    return;
                }
                apply.accept(result);
            }

            @Override
            public LatestWins latestWins(long quietMillis) {
                return LatestWins.immediate();
            }
        };
    }
}
