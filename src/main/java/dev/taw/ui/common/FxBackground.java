// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import dev.taw.job.CancelToken;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The window's {@link Background}: each job a JavaFX {@link Task} on a daemon thread. Progress reaches the FX
 * thread coalesced by {@code Task.updateProgress}, never one {@code runLater} per row; the result or the
 * failure is delivered once, on the FX thread.
 */
public final class FxBackground implements Background {
    /** The least time between two progress updates of one stage. */
    static final long PROGRESS_NANOS = 100_000_000L;

    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "workbench-job");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> Running start(String title, Job<T> job, Progress progress, Consumer<T> onDone, Consumer<Throwable> onFailed, Runnable onCancelled) {
        CancelToken token = new CancelToken();
        Task<T> task = new Task<>() {
            private String lastStage;
            private long lastShown;

            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return job.run((stage, done, total) -> {
                    // a new stage at once, and within a stage at most ten updates a second: each one redraws the status
                    // bar, and a frame drawn in software took a core's time from the job at every pulse
                    long now = System.nanoTime();
                    if (stage.equals(lastStage) && now - lastShown < PROGRESS_NANOS && (total <= 0 || done < total)) return;
                    lastStage = stage;
                    lastShown = now;
                    updateMessage(stage);
                    updateProgress(done, total > 0 ? total : -1);
                }, token);
            }
        };
        Runnable report = () -> progress.update(task.getMessage(), task.getProgress());
        task.messageProperty().addListener((o, a, b) -> report.run());
        task.progressProperty().addListener((o, a, b) -> report.run());
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnCancelled(e -> onCancelled.run());
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof CancellationException || token.isCancelled()) onCancelled.run();
            else onFailed.accept(t);
        });
        workers.execute(task);
        return () -> {
            token.cancel();
            task.cancel(false);
        };
    }

    @Override
    public <T> void compute(Supplier<T> work, Consumer<T> apply, Consumer<Throwable> onFailed) {
        workers.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> apply.accept(result));
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> onFailed.accept(e));
            }
        });
    }

    @Override
    public LatestWins latestWins(long quietMillis) {
        return new LatestWins(quietMillis, Platform::runLater);
    }
}
