// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.io.ImportResult;
import dev.taw.io.read.SplitPoint;
import dev.taw.table.Column;
import dev.taw.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a file as two halves on two threads must give exactly what reading it in one piece gives. */
class ParallelImportTest {
    @TempDir
    Path tmp;

    @Test
    void twoHalvesGiveTheSameTableIssuesAndLineNumbersAsOnePiece() throws IOException {
        List<String> seed = Files.readAllLines(TestData.seed());
        List<String> lines = new ArrayList<>();
        lines.add(seed.get(0));
        for (int copy = 0; copy < 8; copy++) lines.addAll(copyOf(seed, false));
        Path f = tmp.resolve("big.csv");
        Files.write(f, lines);
        ImportResult one = new CsvImporter(Long.MAX_VALUE).read(f);
        ImportResult two = new CsvImporter(1).read(f);
        assertEquals(one.table().rowCount(), two.table().rowCount());
        assertEquals(8 * 280, two.table().rowCount(), "282 rows less 2 bad ones, 8 times");
        assertSameRows(one, two);
        assertEquals(one.report().issues(), two.report().issues());
        assertEquals(16, two.report().skippedCount());
        assertEquals(8, two.report().blankLines());
        assertEquals(one.report().rowsRead(), two.report().rowsRead());
    }

    @Test
    void aQuotedFieldSpanningTheMiddleKeepsTheFileInOnePiece() throws IOException {
        List<String> seed = Files.readAllLines(TestData.seed());
        List<String> lines = new ArrayList<>(seed);
        // open a quote a few lines before the middle of the file and never close it
        long total = lines.stream().mapToLong(l -> l.length() + 1).sum();
        int middleLine = 0;
        for (long bytes = 0; bytes < total / 2; middleLine++) bytes += lines.get(middleLine).length() + 1;
        int at = middleLine - 3;
        lines.set(at, lines.get(at).replace("Suspicious Web Traffic", "\"Suspicious Web Traffic"));
        Path f = tmp.resolve("spanning.csv");
        Files.write(f, lines);
        assertEquals(-1, SplitPoint.find(f, Files.size(f)), "odd quote count before the middle: no split");
        ImportResult r = new CsvImporter(1).read(f);
        assertEquals(new CsvImporter(Long.MAX_VALUE).read(f).report().issues(), r.report().issues());
    }

    /**
     * A quoted cell that opens far before the middle (beyond the quote-free stretch the cut is guessed from) and
     * spans it: the guessed cut falls inside the cell, the first half runs out inside it, and the file is read
     * again in one piece, with every record.
     */
    @Test
    void aLongQuotedCellAcrossTheMiddleIsCaughtEvenWhenTheCutIsGuessed() throws IOException {
        List<String> lines = fortySeeds();
        long size = lines.stream().mapToLong(l -> l.length() + 1).sum() + 300_000, at = 0;
        int start = 0;
        while (at < size / 2 - 150_000) at += lines.get(start++).length() + 1;
        StringBuilder cell = new StringBuilder("\"first line");
        // 40 lines (a record may span 50) of 7.5 kB: ~150 kB on each side of the middle, no quote in it
        for (int k = 1; k < 40; k++) cell.append("\nline ").append(k).append(" ").append("x".repeat(7_500));
        cell.append('"');
        lines.set(start, lines.get(start).replace("Suspicious Web Traffic", cell.toString()));
        Path f = tmp.resolve("long-cell.csv");
        Files.write(f, lines);
        long cut = SplitPoint.find(f, Files.size(f));
        assertTrue(cut > 0, "no quote near the middle: the cut is guessed");
        ImportResult one = new CsvImporter(Long.MAX_VALUE).read(f);
        ImportResult two = new CsvImporter(1).read(f);
        assertEquals(40 * 282, one.table().rowCount());
        assertEquals(one.table().rowCount(), two.table().rowCount());
        assertEquals(one.report().issues(), two.report().issues());
        assertSameRows(one, two);
    }

    /**
     * The case that lost records: a literal quote inside an unquoted cell near the top (which Commons CSV
     * accepts, and which makes any count of quotes odd) and a valid 40-line quoted cell across the middle.
     * Read in two halves it must give what one piece gives: every record, nothing skipped.
     */
    @Test
    void aStrayQuoteBeforeTheCutAndAMultiLineCellAcrossItLoseNothing() throws IOException {
        List<String> lines = fortySeeds();
        lines.set(3, lines.get(3).replace("Suspicious Web Traffic", "Suspicious \"Web Traffic")); // a stray quote in an unquoted cell
        long size = lines.stream().mapToLong(l -> l.length() + 1).sum(), at = 0;
        int middle = 0;
        while (at < size / 2) at += lines.get(middle++).length() + 1;
        String row = lines.get(middle);
        StringBuilder cell = new StringBuilder("\"first line");
        for (int k = 1; k < 40; k++) cell.append("\nline ").append(k);
        cell.append('"');
        lines.remove(middle);
        // the record starts at the middle of the file: the middle of its 40-line cell is where the file is cut
        lines.add(middle, row.replace("Suspicious Web Traffic", cell.toString()));
        Path f = tmp.resolve("stray.csv");
        Files.write(f, lines);
        assertTrue(SplitPoint.find(f, Files.size(f)) > 0, "the quote count is even here: the file would be cut");
        ImportResult one = new CsvImporter(Long.MAX_VALUE).read(f);
        ImportResult two = new CsvImporter(1).read(f);
        assertEquals(40 * 282, one.table().rowCount());
        assertEquals(0, one.report().skippedCount());
        assertEquals(one.table().rowCount(), two.table().rowCount());
        assertEquals(0, two.report().skippedCount(), two.report().issues().toString());
        assertSameRows(one, two);
    }

    /**
     * A file of many column blocks, read in one piece and in two halves (each half's columns joined on the first's,
     * not copied, until built): every row as the same lines read from a small file. Its first copies have longer lines
     * than the rest, so the cut is not in the middle of the rows; bad, blank, quoted, missing and sub-millisecond
     * cells are in every copy.
     */
    @Test
    void aBigFileHoldsRowForRowWhatItsLinesHoldInASmallOne() throws IOException {
        List<String> seed = Files.readAllLines(TestData.seed());
        List<String> longer = copyOf(seed, true), shorter = copyOf(seed, false);
        int copies = 560, longCopies = 200; // 156,800 rows: four blocks and more in each half
        List<String> lines = new ArrayList<>();
        lines.add(seed.get(0));
        for (int c = 0; c < copies; c++) lines.addAll(c < longCopies ? longer : shorter);
        Path big = tmp.resolve("big.csv"), smallLong = tmp.resolve("long.csv"), smallShort = tmp.resolve("short.csv");
        Files.write(big, lines);
        Files.write(smallLong, withHeader(seed.get(0), longer));
        Files.write(smallShort, withHeader(seed.get(0), shorter));
        ImportResult[] oracle = {new CsvImporter(Long.MAX_VALUE).read(smallLong), new CsvImporter(Long.MAX_VALUE).read(smallShort)};
        int per = oracle[0].table().rowCount();
        assertEquals(280, per);
        for (ImportResult r : List.of(new CsvImporter(Long.MAX_VALUE).read(big), new CsvImporter(1).read(big))) {
            assertEquals(copies * per, r.table().rowCount());
            int linesPer = longer.size();
            for (int c = 0; c < r.table().columns().size(); c++) {
                Column got = r.table().columns().get(c);
                for (int row = 0; row < r.table().rowCount(); row++) {
                    int copy = row / per;
                    Table small = oracle[copy < longCopies ? 0 : 1].table();
                    Column want = small.columns().get(c);
                    int at = row % per;
                    assertEquals(want.format(at), got.format(row), got.name() + " row " + row);
                    assertEquals(want.isMissing(at), got.isMissing(row), got.name() + " row " + row);
                    if (c == 0) assertEquals(small.sourceLines()[at] + copy * linesPer, r.table().sourceLines()[row], "line of row " + row);
                }
            }
            assertEquals(copies * 2, r.report().skippedCount());
        }
    }

    /** The seed's rows, each copy with the same bad, blank, quoted and odd cells, and its text cells longer or not. */
    private static List<String> copyOf(List<String> seed, boolean longer) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < seed.size(); i++) {
            String l = seed.get(i);
            if (i == 50) l = l.replaceFirst("^\\d+", "12k");                // bad number
            if (i == 90) l = l + ",extra";                                   // wrong field count
            if (i == 120) l = l.replace("Suspicious Web Traffic", "\"Rule, with comma\""); // quoted
            if (longer) l = l.replace("Suspicious Web Traffic", "Suspicious Web Traffic seen over and over again by the same rule");
            if (i == 200) out.add("");                                       // blank line
            if (i == 150) l = l.replaceFirst("Z,", ".123456Z,");             // a time with microseconds
            if (i == 170) l = l.replaceFirst("^\\d+", "");                   // a missing number
            out.add(l);
        }
        return out;
    }

    private static List<String> withHeader(String header, List<String> rows) {
        List<String> out = new ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }

    /** The same rows, from the same lines, cell for cell. */
    private static void assertSameRows(ImportResult one, ImportResult two) {
        assertArrayEquals(one.table().sourceLines(), two.table().sourceLines());
        for (int c = 0; c < one.table().columns().size(); c++) {
            Column a = one.table().columns().get(c), b = two.table().columns().get(c);
            for (int r = 0; r < one.table().rowCount(); r++) {
                assertEquals(a.format(r), b.format(r), a.name() + " row " + r);
                assertEquals(a.isMissing(r), b.isMissing(r), a.name() + " row " + r);
                if (a instanceof dev.taw.table.NumberColumn x) assertEquals(x.get(r), ((dev.taw.table.NumberColumn) b).get(r), 0.0, "imputed, row " + r);
            }
        }
        if (one.rowText() != null) assertArrayEquals(one.rowText().lines(), two.rowText().lines(), "each row's line");
    }

    /** The seed's header, then its rows forty times (3.4 MB). */
    private static List<String> fortySeeds() throws IOException {
        List<String> seed = Files.readAllLines(TestData.seed());
        List<String> lines = new ArrayList<>();
        lines.add(seed.get(0));
        for (int copy = 0; copy < 40; copy++) for (int i = 1; i < seed.size(); i++) lines.add(seed.get(i));
        return lines;
    }
}
