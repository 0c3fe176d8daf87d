// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.charts;

import dev.taw.analysis.Formats;
import dev.taw.analysis.TimeBucket;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Rows per time bucket (the core chooses the width), suspicious stacked on top, labels thinned to what
 * fits. Click a bucket to select its time range; hover for its numbers.
 */
public final class TimelineView extends CanvasChart {
    private List<TimeBucket> buckets = List.of();
    private Consumer<TimeBucket> onSelect = b -> { };
    private final Tooltip tip = new Tooltip();

    public TimelineView() {
        super("Anomalies over time (UTC)");
        Tooltip.install(canvas, tip);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            TimeBucket b = at(e.getX());
            if (b != null) {
                tip.setText(String.format("%s – %s UTC%n%s rows, %s suspicious", Formats.shortTime(b.startMillis()),
                        Formats.shortTime(b.startMillis() + b.widthMillis()), Formats.count(b.rows()), Formats.count(b.suspicious())));
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            TimeBucket b = at(e.getX());
            if (b != null && b.rows() > 0) onSelect.accept(b);
        });
    }

    public void setOnSelect(Consumer<TimeBucket> onSelect) {
        this.onSelect = onSelect;
    }

    public void show(List<TimeBucket> b) {
        this.buckets = List.copyOf(b);
        redraw();
    }

    public List<TimeBucket> buckets() { return buckets; }

    /** The bucket under canvas x, or null. */
    public TimeBucket at(double x) {
        if (buckets.isEmpty()) return null;
        int i = (int) ((x - PLOT.getLeft()) / plotW() * buckets.size());
        return i < 0 || i >= buckets.size() ? null : buckets.get(i);
    }

    /** Canvas x of the middle of bucket {@code i}, for tests that click it. */
    public double centreOf(int i) {
        return PLOT.getLeft() + (i + 0.5) * plotW() / buckets.size();
    }

    @Override
    void draw(GraphicsContext g, double pw, double ph) {
        double left = PLOT.getLeft(), top = PLOT.getTop();
        g.setStroke(AXIS);
        g.strokeLine(left, top + ph, left + pw, top + ph);
        g.strokeLine(left, top, left, top + ph);
        if (buckets.isEmpty()) {
            axisLabel(g, "no time column", left + 10, top + 20);
            return;
        }
        long max = 1;
        for (TimeBucket b : buckets) max = Math.max(max, b.rows());
        double bw = pw / buckets.size();
        for (int i = 0; i < buckets.size(); i++) {
            TimeBucket b = buckets.get(i);
            double hn = ph * (b.rows() - b.suspicious()) / max, hs = ph * b.suspicious() / max;
            double x = left + i * bw + (bw > 4 ? 0.5 : 0);
            double w = Math.max(1, bw > 4 ? bw - 1 : bw);
            g.setFill(NORMAL);
            g.fillRect(x, top + ph - hn, w, hn);
            g.setFill(SUSPICIOUS);
            g.fillRect(x, top + ph - hn - hs, w, hs);
        }
        int every = Math.max(1, (int) Math.ceil(buckets.size() / (pw / 80)));
        for (int i = 0; i < buckets.size(); i += every) {
            axisLabel(g, Formats.shortTime(buckets.get(i).startMillis()), left + i * bw, top + ph + 16);
        }
        axisLabel(g, Formats.count(max), 4, top + 10);
        axisLabel(g, "0", 40, top + ph);
        axisLabel(g, "bucket " + Formats.duration(buckets.get(0).widthMillis()), left + pw - 80, top + ph + 32);
    }
}
