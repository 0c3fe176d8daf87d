// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.watch;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.Investigation;
import dev.taw.baseline.Baseline;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportException;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches a folder: each new complete log file is scored once against a baseline, in arrival order, and every
 * suspicious host (and, when asked, row) becomes one alert line. What it has done is saved after every file, so a
 * restart neither repeats nor skips one. A bad file is reported and skipped; only a failure to write the alerts or
 * the state stops the watch. Nothing of a scored file is kept once its alerts are out, so memory does not grow with
 * the days (the state keeps one small entry per file still in the folder).
 */
public final class FolderWatch {
    /**
     * @param state          the state file (by default the alerts file's name + {@code .state})
     * @param settle         a file untouched this long (and unchanged since the last look) is complete
     * @param giveUp         a gzip file without its end is waited for this long after its last change, then scored as far as it goes
     * @param rows           also an alert per suspicious row
     * @param skipExisting   on the first start, the files already there are recorded as skipped, not scored
     * @param once           one pass over what is complete now, then return (for cron or a timer)
     * @param contamination  null: the model's
     */
    public record Settings(Path folder, Path alerts, Path state, LogFormat format, Duration interval, Duration settle, Duration giveUp, boolean rows,
                           boolean skipExisting, boolean once, Double contamination, Double hostContamination) { }

    /** What the watch tells its user: one line per file dealt with, and notes. */
    public interface Listener {
        void said(String line);
    }

    private final AnalysisPipeline pipeline;
    private final Baseline baseline;
    private final String modelName;
    private final Settings s;
    private final ForestSettings settings; // the model's, cut at the watch's shares
    private final Listener out;
    private final LongSupplier clock;
    private final CountDownLatch stopAsked = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<String, Arrivals.Seen> waiting = new HashMap<>(); // incomplete gzip files, told once per state of the file
    private final Set<String> told = new HashSet<>();                    // files changed after they were scored, told once

    /** @param pipeline judging by {@code baseline} ({@link AnalysisPipeline#withBaseline}) */
    public FolderWatch(AnalysisPipeline pipeline, Baseline baseline, String modelName, Settings settings, Listener out) {
        this(pipeline, baseline, modelName, settings, out, System::currentTimeMillis);
    }

    FolderWatch(AnalysisPipeline pipeline, Baseline baseline, String modelName, Settings settings, Listener out, LongSupplier clock) {
        if (pipeline.baseline() != baseline) throw new IllegalArgumentException("the pipeline must judge by the watch's baseline");
        this.pipeline = pipeline;
        this.baseline = baseline;
        this.modelName = modelName;
        this.s = settings;
        this.settings = baseline.settings(settings.contamination(), settings.hostContamination());
        this.out = out;
        this.clock = clock;
    }

    /** Asks the watch to stop after the file it is scoring; returns at once. */
    public void stop() {
        stopAsked.countDown();
    }

    /** Waits for {@link #run} to have saved its state and returned. */
    public boolean awaitFinished(Duration d) throws InterruptedException {
        return finished.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean stopping() {
        return stopAsked.getCount() == 0;
    }

    /**
     * Runs until {@link #stop} (or one pass, with {@code once}).
     *
     * @return the number of files scored
     * @throws IOException when the alerts or the state cannot be written: the watch cannot keep its promise
     * @throws IllegalArgumentException when the state file is not ours or another folder's
     * @throws IllegalStateException when another watch writes the same alerts
     */
    public int run() throws IOException {
        try {
            return loop();
        } finally {
            finished.countDown();
        }
    }

    private int loop() throws IOException {
        if (!Files.isDirectory(s.folder())) throw new IllegalArgumentException(s.folder() + ": not a folder");
        WatchState state = WatchState.load(s.state(), s.folder());
        int scored = 0;
        try (AlertLog alerts = AlertLog.open(s.alerts(), state.alertsLength())) {
            if (alerts.note() != null) out.said(alerts.note());
            state.alertsLength(alerts.length());
            Arrivals arrivals = new Arrivals(s.folder(), Set.of(s.alerts(), s.state()));
            boolean first = state.fresh();
            out.said("watching " + s.folder() + " against " + modelName + (state.size() > 0 ? "; " + state.size() + " files dealt with before" : "")
                    + (s.once() ? "; one pass" : "; every " + words(s.interval()) + ", a file is complete after " + words(s.settle()) + " unchanged"));
            do {
                List<Arrivals.Seen> now = arrivals.look();
                arrivals.drainNotes().forEach(out::said);
                Set<String> present = new HashSet<>();
                for (Arrivals.Seen f : now) present.add(f.path());
                boolean forgot = state.keepOnly(present);
                waiting.keySet().retainAll(present);
                told.retainAll(present);
                if (first && s.skipExisting()) {
                    for (Arrivals.Seen f : now) state.put(f.path(), done(f, WatchState.Outcome.SKIPPED, 0, 0, "there before the first start"), alerts.length());
                    state.save();
                    out.said("skipped the " + now.size() + " files already in the folder (--skip-existing); from now on new files are scored");
                    first = false;
                    continue;
                }
                first = false;
                if (forgot) state.save();
                for (Arrivals.Seen f : arrivals.complete(now, clock.getAsLong(), s.settle().toMillis(), s.once())) {
                    if (stopping()) break;
                    if (!due(state, f)) continue;
                    if (deal(f, state, alerts)) scored++;
                }
            } while (!s.once() && !stopping() && !sleep());
            state.save();
        }
        out.said("stopped; " + scored + " files scored in this run, state saved in " + s.state());
        return scored;
    }

    /** True when stop was asked during the sleep. */
    private boolean sleep() {
        try {
            return stopAsked.await(s.interval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Whether a complete file still has to be dealt with: new, or bad before and changed since. */
    private boolean due(WatchState state, Arrivals.Seen f) {
        WatchState.Done d = state.get(f.path());
        if (d == null) return !f.same(waiting.get(f.path()));
        boolean changed = d.size() != f.size() || d.modified() != f.modified();
        if (!changed) return false;
        if (d.outcome() == WatchState.Outcome.BAD) return true;
        // logs AWS delivers never change; one that did was rewritten: scoring it again would repeat its alerts
        if (told.add(f.path())) out.said("not scored again: " + f.path() + " changed after it was " + d.outcome().name().toLowerCase(java.util.Locale.ROOT) + " at " + d.at());
        return false;
    }

    /** Scores one file, appends its alerts and saves the state; @return whether it was scored */
    private boolean deal(Arrivals.Seen f, WatchState state, AlertLog alerts) throws IOException {
        long t0 = System.nanoTime();
        ImportResult imported;
        Analysis a;
        Investigation inv;
        String note = "";
        try {
            imported = pipeline.importFile(f.file(), s.format(), ProgressListener.NONE, CancelToken.NEVER);
            if (imported.report().endsEarly()) {
                if (clock.getAsLong() - f.modified() < s.giveUp().toMillis()) {
                    if (!f.same(waiting.put(f.path(), f))) out.said("waiting for the rest of " + f.path() + ": its compressed data ends early");
                    return false;
                }
                note = "its compressed data ends early (unchanged for " + words(s.giveUp()) + "): scored as far as it goes";
            }
            waiting.remove(f.path());
            a = pipeline.analyze(imported, FeatureSet.all(), settings, ProgressListener.NONE, CancelToken.NEVER);
            inv = Investigation.of(a, settings.contamination(), settings.hostContamination(), List.of());
        } catch (ImportException | IllegalArgumentException e) {
            return bad(f, state, alerts, e.getMessage());
        } catch (OutOfMemoryError e) {
            return bad(f, state, alerts, "too large for this heap; run the watch with a larger -Xmx");
        } catch (RuntimeException e) {
            // a defect of ours on one file must not stop a service watching for days
            return bad(f, state, alerts, "could not be analysed (" + e + ")");
        }
        Instant at = Instant.ofEpochMilli(clock.getAsLong());
        DetectionFinding.Source src = new DetectionFinding.Source(f.path(), f.size(), imported.report().format(), modelName, baseline,
                AnalysisPipeline.version(), at);
        List<DetectionFinding.Alert> found = DetectionFinding.of(inv, src, s.rows());
        long end = alerts.append(found.stream().map(DetectionFinding.Alert::json).toList());
        long records = imported.report().rowsRead(), rows = imported.report().rowsImported();
        state.put(f.path(), done(f, WatchState.Outcome.SCORED, records, found.size(), note), end);
        state.save();
        String joined = rows == records ? "" : " as " + String.format(java.util.Locale.ROOT, "%,d", rows) + " connections";
        long skipped = imported.report().skippedCount();
        out.said(String.format(java.util.Locale.ROOT, "scored %s: %,d records%s%s, %s%s, %.1f s", f.path(), records, joined,
                skipped > 0 ? " (" + skipped + " bad lines skipped)" : "", alertWords(found), note.isEmpty() ? "" : "; " + note, (System.nanoTime() - t0) / 1e9));
        for (String w : a.against().drift()) out.said("  warning: " + w);
        return true;
    }

    private boolean bad(Arrivals.Seen f, WatchState state, AlertLog alerts, String why) throws IOException {
        waiting.remove(f.path());
        state.put(f.path(), done(f, WatchState.Outcome.BAD, 0, 0, why), alerts.length());
        state.save();
        String name = f.file().getFileName() + ": ";
        out.said("skipped " + f.path() + ": " + (why != null && why.startsWith(name) ? why.substring(name.length()) : why));
        return false;
    }

    private WatchState.Done done(Arrivals.Seen f, WatchState.Outcome o, long records, int alerts, String note) {
        return new WatchState.Done(f.size(), f.modified(), o, Instant.ofEpochMilli(clock.getAsLong()).toString(), records, alerts, note);
    }

    /** "no alerts", "1 alert (high)", "5 alerts (1 high, 4 low)". */
    static String alertWords(List<DetectionFinding.Alert> found) {
        if (found.isEmpty()) return "no alerts";
        int[] by = new int[DetectionFinding.SEVERITY.length];
        for (DetectionFinding.Alert a : found) by[a.severity()]++;
        StringBuilder b = new StringBuilder();
        for (int sev = by.length - 1; sev >= 0; sev--) {
            if (by[sev] == 0) continue;
            if (b.length() > 0) b.append(", ");
            b.append(found.size() == 1 ? "" : by[sev] + " ").append(DetectionFinding.SEVERITY[sev].toLowerCase(java.util.Locale.ROOT));
        }
        return found.size() + (found.size() == 1 ? " alert (" : " alerts (") + b + ")";
    }

    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + " h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + " min";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return ms + " ms";
    }
}
