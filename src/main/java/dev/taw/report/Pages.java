// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import dev.taw.export.AtomicWrite;
import dev.taw.job.ProgressListener;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A top-to-bottom layout over PDF pages: a cursor that moves down as text, tables and charts are placed
 * and opens a new page when the next block does not fit. Coordinates given to callers are PDF points
 * with y growing upwards, as PDFBox expects.
 */
final class Pages implements AutoCloseable {
    static final float MARGIN = 50;
    /** How a report writes an instant: "2026-12-02 14:00 UTC". */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    final PDDocument doc;
    final ReportFonts fonts;
    private final PDRectangle size;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    /** What a report lays out on its pages, from the first page's top. */
    interface Content {
        void draw(Pages p) throws IOException;
    }

    /**
     * A report titled {@code title}, laid out by {@code content} on pages of {@code size} and saved complete beside
     * {@code target}, to be committed (with a run's other outputs): the file is whole or absent.
     */
    static AtomicWrite.Staged stage(Path target, PDRectangle size, String title, Content content, ProgressListener progress) throws IOException {
        AtomicWrite.Staged s = AtomicWrite.stage(target, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                doc.getDocumentInformation().setTitle(title);
                doc.getDocumentInformation().setCreator("Traffic Anomaly Workbench");
                try (Pages p = new Pages(doc, new ReportFonts(doc), size)) {
                    p.newPage();
                    content.draw(p);
                }
                progress.onProgress("Saving report", 9, 10);
                doc.save(tmp.toFile());
            }
        });
        progress.onProgress("Saving report", 10, 10);
        return s;
    }

    Pages(PDDocument doc, ReportFonts fonts, PDRectangle size) {
        this.doc = doc;
        this.fonts = fonts;
        this.size = size;
    }

    float left() { return MARGIN; }
    float width() { return size.getWidth() - 2 * MARGIN; }
    float y() { return y; }
    PDPageContentStream out() { return out; }

    void newPage() throws IOException {
        if (out != null) out.close();
        PDPage page = new PDPage(size);
        doc.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(doc, page);
        y = size.getHeight() - MARGIN;
    }

    /** Makes room for {@code height} points, starting a new page if needed. */
    void need(float height) throws IOException {
        if (out == null || y - height < MARGIN + 20) newPage();
    }

    void down(float h) { y -= h; }

    /** Draws one line of text at the cursor's left margin (plus {@code indent}) and moves down. */
    void line(String text, float fontSize, boolean bold, float indent) throws IOException {
        need(fontSize * 1.5f);
        y -= fontSize * 1.3f;
        text(fonts.fit(text, fontSize, bold, width() - indent), left() + indent, y, fontSize, bold, Color.BLACK);
        y -= fontSize * 0.2f;
    }

    /** A key in bold and its value wrapped beside it, 130 points in. */
    void kv(String key, String value) throws IOException {
        List<String> lines = wrap(ReportFonts.clean(value), 10, false, width() - 130);
        need(14 * lines.size());
        float y0 = y;
        line(key, 10, true, 0);
        down(-(y0 - y));
        for (String l : lines) line(l, 10, false, 130);
    }

    /** Wraps {@code text} to the page width. */
    void paragraph(String text, float fontSize, boolean bold) throws IOException {
        for (String l : wrap(ReportFonts.clean(text), fontSize, bold, width())) line(l, fontSize, bold, 0);
    }

    List<String> wrap(String text, float fontSize, boolean bold, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : breakLong(text.split(" "), fontSize, bold, maxWidth)) {
            String next = cur.length() == 0 ? word : cur + " " + word;
            if (fonts.width(next, fontSize, bold) <= maxWidth || cur.length() == 0) {
                cur.setLength(0);
                cur.append(next);
            } else {
                lines.add(cur.toString());
                cur.setLength(0);
                cur.append(word);
            }
        }
        if (cur.length() > 0) lines.add(cur.toString());
        return lines;
    }

    /** Splits words wider than a line (long IPv6 lists, feature lists, hostile 10 kB cells) into pieces that fit. */
    private List<String> breakLong(String[] words, float fontSize, boolean bold, float maxWidth) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            while (fonts.width(w, fontSize, bold) > maxWidth && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && fonts.width(w.substring(0, cut), fontSize, bold) > maxWidth) cut = Math.max(1, cut * 3 / 4);
                while (cut + 1 < w.length() && fonts.width(w.substring(0, cut + 1), fontSize, bold) <= maxWidth) cut++;
                if (Character.isHighSurrogate(w.charAt(cut - 1))) cut--;
                out.add(w.substring(0, Math.max(1, cut)));
                w = w.substring(Math.max(1, cut));
            }
            out.add(w);
        }
        return out;
    }

    /** Draws text with its left end at (x, y), font by font. */
    void text(String text, float x, float y, float fontSize, boolean bold, Color color) throws IOException {
        out.setNonStrokingColor(color);
        out.beginText();
        out.newLineAtOffset(x, y);
        for (ReportFonts.Run r : fonts.runs(text, bold)) {
            out.setFont(r.font(), fontSize);
            out.showText(r.text());
        }
        out.endText();
    }

    /** Writes "page i of n" at the foot of every page. */
    void numberPages(String footer) throws IOException {
        if (out != null) out.close();
        out = null;
        int n = pages.size();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                PDPageContentStream keep = out;
                out = s;
                String label = "Page " + (i + 1) + " of " + n;
                text(fonts.fit(footer, 8, false, width() - 80), MARGIN, MARGIN / 2, 8, false, Color.GRAY);
                text(label, size.getWidth() - MARGIN - fonts.width(label, 8, false), MARGIN / 2, 8, false, Color.GRAY);
                out = keep;
            }
        }
    }

    int pageCount() { return pages.size(); }

    @Override
    public void close() throws IOException {
        if (out != null) out.close();
        out = null;
    }
}
