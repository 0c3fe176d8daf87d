// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.charts;

import dev.taw.analysis.Formats;
import dev.taw.analysis.ScoreHistogram;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/** Distribution of anomaly scores, normal and suspicious stacked, with the contamination cut-off line. */
public final class ScoreHistogramView extends CanvasChart {
    private ScoreHistogram hist;
    private final Tooltip tip = new Tooltip();

    public ScoreHistogramView() {
        super("Score distribution and threshold");
        Tooltip.install(canvas, tip);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            if (hist == null) return;
            int b = (int) ((e.getX() - PLOT.getLeft()) / plotW() * hist.bins());
            if (b < 0 || b >= hist.bins()) return;
            tip.setText(String.format("score %s – %s%n%s normal, %s suspicious", Formats.score(hist.binStart(b)), Formats.score(hist.binStart(b + 1)),
                    Formats.count(hist.normal()[b]), Formats.count(hist.suspicious()[b])));
        });
    }

    public void show(ScoreHistogram h) {
        this.hist = h;
        redraw();
    }

    public ScoreHistogram histogram() { return hist; }

    @Override
    void draw(GraphicsContext g, double pw, double ph) {
        double left = PLOT.getLeft(), top = PLOT.getTop();
        g.setStroke(AXIS);
        g.strokeRect(left, top, pw, ph);
        if (hist == null) return;
        long max = 1;
        for (int i = 0; i < hist.bins(); i++) max = Math.max(max, hist.normal()[i] + hist.suspicious()[i]);
        double bw = pw / hist.bins();
        for (int i = 0; i < hist.bins(); i++) {
            double hn = ph * hist.normal()[i] / max, hs = ph * hist.suspicious()[i] / max;
            g.setFill(NORMAL);
            g.fillRect(left + i * bw + 0.5, top + ph - hn, Math.max(1, bw - 1), hn);
            g.setFill(SUSPICIOUS);
            g.fillRect(left + i * bw + 0.5, top + ph - hn - hs, Math.max(1, bw - 1), hs);
        }
        double cx = left + (hist.cutOff() - hist.min()) / (hist.max() - hist.min()) * pw;
        g.setStroke(Color.web("#1f2933"));
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        g.strokeLine(cx, top, cx, top + ph);
        g.setLineDashes();
        g.setLineWidth(1);
        axisLabel(g, "cut-off " + Formats.score(hist.cutOff()), Math.min(cx + 4, left + pw - 80), top + 12);
        for (int k = 0; k <= 4; k++) {
            double v = hist.min() + (hist.max() - hist.min()) * k / 4;
            axisLabel(g, Formats.score(v), left + pw * k / 4 - 12, top + ph + 16);
        }
        axisLabel(g, "anomaly score →", left + pw - 90, top + ph + 32);
        axisLabel(g, Formats.count(max), 4, top + 10);
        axisLabel(g, "0", 40, top + ph);
    }
}
