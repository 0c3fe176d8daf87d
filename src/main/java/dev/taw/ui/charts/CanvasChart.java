// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.charts;

import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A chart drawn on one {@link Canvas} that follows its region's size: one node however many points, so a
 * million rows cost what a few thousand do. Subclasses draw in {@link #draw}.
 */
abstract class CanvasChart extends Region {
    static final Color AXIS = Color.web("#5f6b7a");
    static final Color NORMAL = Color.web("#4a90c2");
    static final Color SUSPICIOUS = Color.web("#d9480f");
    static final Insets PLOT = new Insets(30, 16, 40, 62);

    final Canvas canvas = new Canvas();
    private final String title;

    CanvasChart(String title) {
        this.title = title;
        getChildren().add(canvas);
        setMinSize(200, 160);
        setPrefSize(420, 280);
        getStyleClass().add("canvas-chart");
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#1f2933"));
        g.setFont(Font.font(14));
        g.fillText(title, PLOT.getLeft(), 19);
        if (w > PLOT.getLeft() + PLOT.getRight() + 10 && h > PLOT.getTop() + PLOT.getBottom() + 10) draw(g, plotW(), plotH());
    }

    double plotW() { return canvas.getWidth() - PLOT.getLeft() - PLOT.getRight(); }

    double plotH() { return canvas.getHeight() - PLOT.getTop() - PLOT.getBottom(); }

    /** Draws the plot; the origin is the canvas' top-left, the plot area starts at {@link #PLOT}. */
    abstract void draw(GraphicsContext g, double pw, double ph);

    static void axisLabel(GraphicsContext g, String text, double x, double y) {
        g.setFill(AXIS);
        g.setFont(Font.font(11));
        g.fillText(text, x, y);
    }
}
