// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.hostlist;

import dev.taw.analysis.Formats;
import dev.taw.hostlist.HostList;
import dev.taw.pipeline.Exports;
import dev.taw.pipeline.HostLists;
import dev.taw.report.Paper;
import dev.taw.ui.common.Background;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.StringProperty;

/**
 * A hosts list in its own window: the Spark job's output (or a {@code --hosts} file) opened and reported on.
 * Reading and the PDF run in the background with progress and cancel; testable without a stage.
 */
public final class HostListViewModel {
    private final Background background;
    private final ReadOnlyObjectWrapper<HostList> list = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private Background.Running running;

    public HostListViewModel(Background background) {
        this.background = background;
    }

    public ReadOnlyObjectProperty<HostList> listProperty() { return list.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public StringProperty statusProperty() { return status; }
    public DoubleProperty progressProperty() { return progress; }

    /** Reads the list in the background; {@code onFailed} gets a one-line reason. */
    public void open(Path path, Consumer<String> onFailed) {
        if (busy.get()) return;
        begin("Reading " + path.getFileName() + "…");
        running = background.start("Reading " + path.getFileName(), (p, c) -> HostLists.open(path, c), this::progress, l -> {
            end();
            list.set(l);
            status.set(summary(l));
        }, e -> {
            end();
            status.set("Could not read " + path.getFileName());
            onFailed.accept(said(e));
        }, () -> {
            end();
            status.set("Reading cancelled");
        });
    }

    /** "50,000 hosts, 412 suspicious; 3 lines could not be read (first: …)". */
    static String summary(HostList l) {
        String s = Formats.count(l.hosts().size()) + " hosts" + (l.windowed() ? " (address and context window)" : "") + ", "
                + Formats.count(l.suspicious()) + " suspicious";
        return l.skippedCount() == 0 ? s : s + "; " + Formats.count(l.skippedCount()) + " lines could not be read (first: " + l.skipped().get(0) + ")";
    }

    /** Writes the list's PDF report in the background; {@code done} gets the file written. */
    public void exportReport(Path target, Paper paper, Consumer<Path> done, Consumer<String> onFailed) {
        HostList l = list.get();
        if (l == null || busy.get()) return;
        begin("Writing report " + target.getFileName() + "…");
        running = background.start("Writing " + target.getFileName(), (p, c) -> HostLists.report(l, target, paper, p, c), this::progress,
                (Exports.Written w) -> {
                    end();
                    status.set(w.sentence());
                    done.accept(w.file());
                }, e -> {
                    end();
                    status.set("Report not written");
                    onFailed.accept(said(e) + "\nNo file was written.");
                }, () -> {
                    end();
                    status.set("Report cancelled; nothing was written");
                });
    }

    /** A failure in one line: its message (files, lines and reasons), or its kind when it has none. */
    private static String said(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public void cancel() {
        if (running != null) running.cancel();
    }

    private void progress(String stage, double fraction) {
        status.set(stage);
        progress.set(fraction);
    }

    private void begin(String what) {
        busy.set(true);
        status.set(what);
        progress.set(-1);
    }

    private void end() {
        busy.set(false);
        progress.set(0);
        running = null;
    }
}
