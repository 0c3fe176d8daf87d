// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs a UI-free job (a pipeline call taking a progress listener and a cancel token) as a JavaFX
 * {@link Task} on a daemon thread. Progress reaches the FX thread coalesced by {@code Task.updateProgress},
 * never one {@code runLater} per row; the result or the failure is delivered once, on the FX thread.
 */
public final class FxJobs {
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "workbench-job");
        t.setDaemon(true);
        return t;
    });

    private FxJobs() { }

    /** A job: given progress and cancellation, produce a result. */
    @FunctionalInterface
    public interface Job<T> {
        T run(ProgressListener progress, CancelToken cancel) throws Exception;
    }

    /** A started job; {@link #cancel()} stops it cooperatively. */
    public static final class Handle<T> {
        private final Task<T> task;
        private final CancelToken token;

        Handle(Task<T> task, CancelToken token) {
            this.task = task;
            this.token = token;
        }

        public Task<T> task() { return task; }

        public void cancel() {
            token.cancel();
            task.cancel(false);
        }
    }

    /**
     * Starts {@code job}. {@code onDone} gets the result, {@code onFailed} the exception (not called for
     * cancellation: {@code onCancelled} is), all on the FX thread.
     */
    public static <T> Handle<T> start(String title, Job<T> job, Consumer<T> onDone, Consumer<Throwable> onFailed, Runnable onCancelled) {
        CancelToken token = new CancelToken();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return job.run((stage, done, total) -> {
                    updateMessage(stage);
                    updateProgress(done, total > 0 ? total : -1);
                }, token);
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnCancelled(e -> onCancelled.run());
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof CancellationException || token.isCancelled()) onCancelled.run();
            else onFailed.accept(t);
        });
        WORKERS.execute(task);
        return new Handle<>(task, token);
    }

    /** Runs a quick computation off the FX thread and applies its result on it. */
    public static <A, B> void compute(A input, Function<A, B> work, Consumer<B> apply) {
        WORKERS.execute(() -> {
            B result = work.apply(input);
            Platform.runLater(() -> apply.accept(result));
        });
    }
}
