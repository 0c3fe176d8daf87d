// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded fonts of one report and the text safety around them: any string prints. Characters go
 * to DejaVu Sans, else to Droid Sans Fallback (CJK), else become □; control characters are dropped;
 * right-to-left runs are put in visual order (PDF has no bidi of its own).
 */
final class ReportFonts {
    static final String MISSING = "□";
    private final PDDocument doc;
    private final Face regular;
    private final Face bold;
    private Face fallback;

    /** A loaded font with its character map, to ask which characters it can draw. */
    record Face(PDFont font, org.apache.fontbox.ttf.CmapLookup cmap) {
        boolean has(int cp) {
            return cmap.getGlyphId(cp) > 0;
        }
    }

    ReportFonts(PDDocument doc) {
        this.doc = doc;
        this.regular = load("DejaVuSans.ttf");
        this.bold = load("DejaVuSans-Bold.ttf");
    }

    Face regular() { return regular; }
    Face bold() { return bold; }

    private Face fallback() {
        if (fallback == null) fallback = load("DroidSansFallbackFull.ttf");
        return fallback;
    }

    private Face load(String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) throw new IllegalStateException("font missing from the build: " + name);
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            return new Face(font, ttf.getUnicodeCmapLookup());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A piece of text that one font can draw. */
    record Run(String text, PDFont font) { }

    /** Splits {@code text} into runs of one font each, in visual order, after cleaning it. */
    List<Run> runs(String text, boolean useBold) {
        Face primary = useBold ? bold : regular;
        String visual = visualOrder(clean(text));
        List<Run> runs = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        PDFont curFont = null;
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            PDFont f;
            String piece;
            if (primary.has(cp)) {
                f = primary.font();
                piece = new String(Character.toChars(cp));
            } else if (fallback().has(cp)) {
                f = fallback().font();
                piece = new String(Character.toChars(cp));
            } else {
                f = regular.font();
                piece = MISSING;
            }
            if (f != curFont && cur.length() > 0) {
                runs.add(new Run(cur.toString(), curFont));
                cur.setLength(0);
            }
            curFont = f;
            cur.append(piece);
        }
        if (cur.length() > 0) runs.add(new Run(cur.toString(), curFont));
        return runs;
    }

    float width(String text, float size, boolean useBold) {
        float w = 0;
        try {
            for (Run r : runs(text, useBold)) w += r.font().getStringWidth(r.text()) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w;
    }

    /** Cuts {@code text} with an ellipsis so it fits {@code maxWidth}. */
    String fit(String text, float size, boolean useBold, float maxWidth) {
        String t = clean(text);
        if (t.length() > 400) t = t.substring(0, 400);
        if (width(t, size, useBold) <= maxWidth) return t;
        int lo = 0, hi = t.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(t.substring(0, mid) + "…", size, useBold) <= maxWidth) lo = mid;
            else hi = mid - 1;
        }
        return t.substring(0, lo) + "…";
    }

    /** Drops control and format characters that fonts do not draw (tabs and newlines become spaces). */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 4096));
        for (int i = 0; i < s.length() && b.length() < 4096; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') b.append(' ');
            else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE) continue;
            else b.appendCodePoint(cp);
        }
        return b.toString();
    }

    /** Reorders right-to-left runs (Arabic, Hebrew) into the order they are drawn, left to right. */
    static String visualOrder(String s) {
        if (!Bidi.requiresBidi(s.toCharArray(), 0, s.length())) return s;
        Bidi bidi = new Bidi(s, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int n = bidi.getRunCount();
        byte[] levels = new byte[n];
        Object[] runs = new Object[n];
        for (int i = 0; i < n; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = s.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            runs[i] = (levels[i] & 1) == 1 ? new StringBuilder(run).reverse().toString() : run;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, n);
        StringBuilder b = new StringBuilder();
        for (Object r : runs) b.append(r);
        return b.toString();
    }
}
