// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import dev.taw.analysis.BytesView;
import dev.taw.analysis.Formats;
import dev.taw.analysis.ScoreHistogram;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Charts drawn as PDF vector graphics from the core's pre-binned data: stacked bars (categories and
 * time), the bytes in/out density with suspicious points, and the score histogram with its cut-off.
 * Vector output prints sharp at any resolution and keeps the file small.
 */
final class PdfCharts {
    static final Color NORMAL = new Color(0x4a, 0x90, 0xc2);
    static final Color SUSPICIOUS = new Color(0xd9, 0x48, 0x0f);
    static final Color AXIS = new Color(0x5f, 0x6b, 0x7a);
    static final Color GRID = new Color(0xd0, 0xd7, 0xde);
    private static final float LABEL = 7f;

    private PdfCharts() { }

    /** Title, chart box of {@code height}, caption; keeps all three on one page. */
    interface Body {
        void draw(Pages p, float x, float y, float w, float h) throws IOException;
    }

    static void chart(Pages p, String title, String caption, float height, Body body) throws IOException {
        List<String> captionLines = p.wrap(caption, 9, false, p.width());
        p.need(18 + height + 14 * captionLines.size() + 16);
        p.line(title, 11, true, 0);
        p.down(4);
        float top = p.y();
        body.draw(p, p.left() + 40, top - height + 22, p.width() - 50, height - 30);
        p.down(height);
        for (String l : captionLines) p.line(l, 9, false, 0);
        p.down(12);
    }

    static void stackedBars(Pages p, float x, float y, float w, float h, List<String> labels, long[] normal, long[] suspicious)
            throws IOException {
        PDPageContentStream g = p.out();
        int n = labels.size();
        long max = 1;
        for (int i = 0; i < n; i++) max = Math.max(max, normal[i] + suspicious[i]);
        axes(p, x, y, w, h, max);
        if (n == 0) return;
        float slot = w / n, bar = Math.max(0.5f, slot * 0.7f);
        int every = Math.max(1, (int) Math.ceil(n / (w / 42f)));
        for (int i = 0; i < n; i++) {
            float bx = x + i * slot + (slot - bar) / 2;
            float hn = h * normal[i] / max, hs = h * suspicious[i] / max;
            fill(g, NORMAL, bx, y, bar, hn);
            fill(g, SUSPICIOUS, bx, y + hn, bar, hs);
            if (i % every == 0) {
                String l = p.fonts.fit(labels.get(i), LABEL, false, Math.max(20, slot * every - 2));
                p.text(l, x + i * slot + slot / 2 - p.fonts.width(l, LABEL, false) / 2, y - 10, LABEL, false, AXIS);
            }
        }
        legend(p, x + w - 120, y + h + 4);
    }

    static void scatter(Pages p, float x, float y, float w, float h, BytesView v) throws IOException {
        PDPageContentStream g = p.out();
        stroke(g, AXIS, x, y, w, h);
        if (v.bins() == 0) {
            p.text("no bytes columns in this file", x + 10, y + h / 2, 9, false, AXIS);
            return;
        }
        int bins = v.bins();
        float cw = w / bins, ch = h / bins;
        for (int i = 0; i < bins; i++) {
            for (int o = 0; o < bins; o++) {
                long c = v.normalGrid()[i * bins + o];
                if (c == 0) continue;
                fill(g, blend(NORMAL, (float) v.shade(c)), x + i * cw, y + o * ch, cw, ch);
            }
        }
        for (int k = 0; k < v.pointCount(); k++) {
            if (!v.pointSuspicious()[k]) continue;
            float px = (float) (x + Math.log10(1 + v.pointIn()[k]) / v.maxLog() * w);
            float py = (float) (y + Math.log10(1 + v.pointOut()[k]) / v.maxLog() * h);
            g.setNonStrokingColor(SUSPICIOUS);
            g.addRect(px - 1.6f, py - 1.6f, 3.2f, 3.2f);
            g.fill();
        }
        for (int d = 0; d <= (int) v.maxLog(); d += Math.max(1, (int) v.maxLog() / 6)) {
            float tx = (float) (x + d / v.maxLog() * w), ty = (float) (y + d / v.maxLog() * h);
            String label = Formats.bytes(Math.pow(10, d));
            p.text(label, tx - 8, y - 10, LABEL, false, AXIS);
            p.text(label, x - 36, ty - 2, LABEL, false, AXIS);
        }
        p.text("bytes_in →", x + w - 45, y - 19, LABEL, false, AXIS);
        p.text("bytes_out ↑", x + 4, y + h - 10, LABEL, false, AXIS);
        legend(p, x + w - 120, y + h + 4);
    }

    static void histogram(Pages p, float x, float y, float w, float h, ScoreHistogram s) throws IOException {
        histogram(p, x, y, w, h, s, "anomaly score →");
    }

    /** With {@code axis} under the scores ("host score →"); no cut-off line where {@code s.cutOff()} is NaN. */
    static void histogram(Pages p, float x, float y, float w, float h, ScoreHistogram s, String axis) throws IOException {
        PDPageContentStream g = p.out();
        long max = 1;
        for (int i = 0; i < s.bins(); i++) max = Math.max(max, s.normal()[i] + s.suspicious()[i]);
        axes(p, x, y, w, h, max);
        float bw = w / s.bins();
        for (int i = 0; i < s.bins(); i++) {
            float hn = h * s.normal()[i] / max, hs = h * s.suspicious()[i] / max;
            fill(g, NORMAL, x + i * bw + 0.3f, y, bw - 0.6f, hn);
            fill(g, SUSPICIOUS, x + i * bw + 0.3f, y + hn, bw - 0.6f, hs);
        }
        if (!Double.isNaN(s.cutOff()) && s.max() > s.min()) {
            float cx = (float) (x + (s.cutOff() - s.min()) / (s.max() - s.min()) * w);
            g.setStrokingColor(Color.BLACK);
            g.setLineDashPattern(new float[] {4, 3}, 0);
            g.moveTo(cx, y);
            g.lineTo(cx, y + h);
            g.stroke();
            g.setLineDashPattern(new float[0], 0);
            p.text("cut-off " + Formats.score(s.cutOff()), Math.min(cx + 3, x + w - 60), y + h - 8, LABEL, false, Color.BLACK);
        }
        for (int k = 0; k <= 4; k++) {
            double v = s.min() + (s.max() - s.min()) * k / 4;
            p.text(Formats.score(v), x + w * k / 4 - 8, y - 10, LABEL, false, AXIS);
        }
        p.text(axis, x + w - 60, y - 19, LABEL, false, AXIS);
        legend(p, x + w - 120, y + h + 4);
    }

    private static void axes(Pages p, float x, float y, float w, float h, long max) throws IOException {
        PDPageContentStream g = p.out();
        g.setStrokingColor(GRID);
        g.setLineWidth(0.5f);
        for (int k = 1; k <= 4; k++) {
            g.moveTo(x, y + h * k / 4);
            g.lineTo(x + w, y + h * k / 4);
        }
        g.stroke();
        g.setStrokingColor(AXIS);
        g.moveTo(x, y);
        g.lineTo(x + w, y);
        g.moveTo(x, y);
        g.lineTo(x, y + h);
        g.stroke();
        for (int k = 0; k <= 4; k++) {
            String v = Formats.count(Math.round((double) max * k / 4));
            p.text(v, x - 4 - p.fonts.width(v, LABEL, false), y + h * k / 4 - 2, LABEL, false, AXIS);
        }
    }

    private static void legend(Pages p, float x, float y) throws IOException {
        fill(p.out(), NORMAL, x, y, 7, 7);
        p.text("normal", x + 10, y, LABEL, false, AXIS);
        fill(p.out(), SUSPICIOUS, x + 50, y, 7, 7);
        p.text("suspicious", x + 60, y, LABEL, false, AXIS);
    }

    private static void fill(PDPageContentStream g, Color c, float x, float y, float w, float h) throws IOException {
        if (h <= 0 || w <= 0) return;
        g.setNonStrokingColor(c);
        g.addRect(x, y, w, h);
        g.fill();
    }

    private static void stroke(PDPageContentStream g, Color c, float x, float y, float w, float h) throws IOException {
        g.setStrokingColor(c);
        g.addRect(x, y, w, h);
        g.stroke();
    }

    /** The colour at opacity {@code a} over white (no transparency groups needed). */
    private static Color blend(Color c, float a) {
        return new Color(Math.round(255 - a * (255 - c.getRed())), Math.round(255 - a * (255 - c.getGreen())), Math.round(255 - a * (255 - c.getBlue())));
    }
}
