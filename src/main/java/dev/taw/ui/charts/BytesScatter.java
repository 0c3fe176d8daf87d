// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.charts;

import dev.taw.analysis.BytesView;
import dev.taw.analysis.Formats;
import dev.taw.analysis.RowFilter;
import java.util.function.Consumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * Bytes in vs bytes out on log axes. Normal rows are drawn as a density grid (darker = more rows) plus a
 * sample of points; every suspicious row up to the core's cap is a red point on top. Drag a rectangle to
 * select the rows inside it; hover a point for its numbers.
 */
public final class BytesScatter extends CanvasChart {
    private BytesView view;
    private double dragX = Double.NaN, dragY = Double.NaN, curX, curY;
    private Consumer<RowFilter.BytesBox> onSelect = b -> { };
    private final Tooltip tip = new Tooltip();

    public BytesScatter() {
        super("Bytes in vs out (log; drag to select)");
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            curX = e.getX();
            curY = e.getY();
            redraw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!Double.isNaN(dragX) && Math.abs(e.getX() - dragX) > 4 && Math.abs(e.getY() - dragY) > 4 && view != null) {
                onSelect.accept(box(dragX, dragY, e.getX(), e.getY()));
            }
            dragX = Double.NaN;
            redraw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        Tooltip.install(canvas, tip);
    }

    public void setOnSelect(Consumer<RowFilter.BytesBox> onSelect) {
        this.onSelect = onSelect;
    }

    public void show(BytesView v) {
        this.view = v;
        redraw();
    }

    public BytesView view() { return view; }

    /** The rectangle between two canvas points, in bytes. */
    public RowFilter.BytesBox box(double x1, double y1, double x2, double y2) {
        double inA = bytesAtX(Math.min(x1, x2)), inB = bytesAtX(Math.max(x1, x2));
        double outA = bytesAtY(Math.max(y1, y2)), outB = bytesAtY(Math.min(y1, y2));
        return new RowFilter.BytesBox(Math.floor(inA), Math.ceil(inB), Math.floor(outA), Math.ceil(outB));
    }

    private double x(double bytes) { return PLOT.getLeft() + Math.log10(1 + bytes) / view.maxLog() * plotW(); }
    private double y(double bytes) { return PLOT.getTop() + plotH() - Math.log10(1 + bytes) / view.maxLog() * plotH(); }
    private double bytesAtX(double x) { return Math.pow(10, Math.max(0, (x - PLOT.getLeft()) / plotW()) * view.maxLog()) - 1; }
    private double bytesAtY(double y) { return Math.pow(10, Math.max(0, (PLOT.getTop() + plotH() - y) / plotH()) * view.maxLog()) - 1; }

    @Override
    void draw(GraphicsContext g, double pw, double ph) {
        double left = PLOT.getLeft(), top = PLOT.getTop();
        g.setStroke(AXIS);
        g.strokeRect(left, top, pw, ph);
        if (view == null || view.bins() == 0) {
            axisLabel(g, "no bytes columns", left + 10, top + 20);
            return;
        }
        int bins = view.bins();
        double cw = pw / bins, ch = ph / bins;
        for (int i = 0; i < bins; i++) {
            for (int o = 0; o < bins; o++) {
                long c = view.normalGrid()[i * bins + o];
                if (c == 0) continue;
                g.setFill(NORMAL.deriveColor(0, 1, 1, view.shade(c)));
                g.fillRect(left + i * cw, top + ph - (o + 1) * ch, Math.ceil(cw), Math.ceil(ch));
            }
        }
        for (int k = 0; k < view.pointCount(); k++) {
            boolean s = view.pointSuspicious()[k];
            g.setFill(s ? SUSPICIOUS : NORMAL.darker());
            double r = s ? 3.5 : 2;
            g.fillOval(x(view.pointIn()[k]) - r, y(view.pointOut()[k]) - r, 2 * r, 2 * r);
        }
        int step = Math.max(1, (int) Math.ceil(view.maxLog() / Math.max(1, Math.min(pw, ph) / 45)));
        for (int d = 0; d <= (int) view.maxLog(); d += step) {
            double b = Math.pow(10, d) - 1;
            String label = tick(d);
            g.setStroke(Color.web("#d0d7de"));
            g.strokeLine(x(b), top + ph, x(b), top + ph + 4);
            axisLabel(g, label, x(b) - 12, top + ph + 16);
            g.strokeLine(left - 4, y(b), left, y(b));
            axisLabel(g, label, 4, y(b) + 4);
        }
        axisLabel(g, "bytes_in →", left + pw - 60, top + ph + 32);
        axisLabel(g, "bytes_out ↑", 4, top - 6);
        if (!Double.isNaN(dragX)) {
            g.setStroke(Color.web("#1f2933"));
            g.setLineDashes(4);
            g.strokeRect(Math.min(dragX, curX), Math.min(dragY, curY), Math.abs(curX - dragX), Math.abs(curY - dragY));
            g.setLineDashes();
        }
    }

    /** 1 B, 10 B, 100 B, 1 kB … 100 GB: short labels for the decades of a log axis. */
    static String tick(int decade) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = Math.min(units.length - 1, decade / 3);
        return (int) Math.pow(10, decade - 3 * u) + " " + units[u];
    }

    private void hover(MouseEvent e) {
        if (view == null) return;
        int best = -1;
        double bestD = 36;
        for (int k = 0; k < view.pointCount(); k++) {
            double dx = x(view.pointIn()[k]) - e.getX(), dy = y(view.pointOut()[k]) - e.getY();
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        if (best < 0) {
            tip.setText(String.format("bytes_in ≈ %s, bytes_out ≈ %s", Formats.bytes(bytesAtX(e.getX())), Formats.bytes(bytesAtY(e.getY()))));
        } else {
            tip.setText(String.format("%s row%nbytes_in %s, bytes_out %s", view.pointSuspicious()[best] ? "suspicious" : "normal",
                    Formats.bytes(view.pointIn()[best]), Formats.bytes(view.pointOut()[best])));
        }
    }
}
