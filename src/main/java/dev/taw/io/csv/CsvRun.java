// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.csv;

import dev.taw.io.Cells;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.Plausible;
import dev.taw.io.TableAssembler;
import dev.taw.io.TimeMemo;
import dev.taw.io.read.LineReader;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.RowText;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** State of one import (or one half of it); a fresh instance per file keeps {@link CsvImporter} stateless. */
final class CsvRun {
    /** A quoted field may span at most this many physical lines before it counts as unterminated. */
    private static final int MAX_RECORD_LINES = 50;
    private final String file;
    private final LineReader lines;
    private final java.util.function.LongSupplier bytesRead;
    private final ProgressListener progress;
    private final CancelToken cancel;
    private final Deque<long[]> pushedBackNumbers = new ArrayDeque<>();
    private final Deque<String> pushedBack = new ArrayDeque<>();
    private final List<ImportIssue> issues = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /**
     * A quoted field was still open when the input ended. For a first half, that means the cut fell inside a
     * record (or inside a stray quote's look-ahead), where the halves would disagree with a read in one piece.
     */
    boolean ranOut;
    private long skipped;
    private long rowsRead;
    private long blankLines;
    private long currentLine;

    private CsvHeader header;

    CsvHeader header() { return header; }
    private NumberColumn.Builder[] numbers;
    private TimeColumn.Builder[] times;
    private TextColumn.Builder[] texts;
    private TimeMemo[] timeMemo;
    /** The range each column's numbers must be in (null: no rule), by column. */
    private Plausible.Rule[] rules;
    private final dev.taw.table.Growable.Ints sourceLines = new dev.taw.table.Growable.Ints();
    private int rows;
    /**
     * Where this part's lines start in the file (0, or the cut for a second half), or -1 when the reader's offsets
     * are not the file's (a gzip file): then no row's line is kept.
     */
    private long fileOffset = -1;
    /** Per row, its line in the file as {@link RowText#line} packs it, or {@link RowText#NOT_AS_WRITTEN}; null: not kept. */
    private dev.taw.table.Growable.Longs lineSpans;

    CsvRun(String file, LineReader lines, CsvHeader header, java.util.function.LongSupplier bytesRead, ProgressListener progress, CancelToken cancel) {
        this.file = file;
        this.lines = lines;
        this.bytesRead = bytesRead;
        this.progress = progress;
        this.cancel = cancel;
        if (header != null) {
            this.header = header;
            createBuilders();
        }
    }

    /**
     * Keeps where each row's line is in the file, whose byte {@code offset} the reader starts at, and whether the line
     * is the row as a scored CSV writes it (see {@link RowText}). Only a comma-separated file's lines can be.
     */
    void keepLines(long offset) {
        fileOffset = offset;
    }

    /** Per row, {@link RowText#line} or {@link RowText#NOT_AS_WRITTEN}; null when the lines were not kept. */
    long[] lineSpans() {
        return lineSpans == null ? null : lineSpans.toArray();
    }

    void execute() throws IOException {
        if (header == null) readHeader();
        executeAfterHeader(() -> progress.onProgress("Reading", bytesRead.getAsLong(), -1));
    }

    /** Reads the data lines; {@code tick} reports progress every few thousand lines. */
    void executeAfterHeader(Runnable tick) throws IOException {
        int width = header.names().length;
        Role.Kind[] kinds = header.kinds();
        Cells fields = new Cells(width);
        double[] num = new double[width];
        long[] time = new long[width];
        boolean[] missing = new boolean[width];
        boolean keep = fileOffset >= 0 && header.delimiter() == ',';
        if (keep) lineSpans = new dev.taw.table.Growable.Longs();
        while (true) {
            // a plain ASCII line is split as bytes where the reader holds it; anything else becomes text
            String line = null;
            int count;
            if (pushedBack.isEmpty()) {
                if (!lines.advance()) break;
                currentLine = lines.lineNumber();
                if (lines.lineTooLong()) line = LineReader.TOO_LONG;
                else if (!lines.lineAscii()) line = lines.lineText();
            } else {
                line = nextLine();
            }
            if ((rowsRead & 0x1FFF) == 0) {
                cancel.throwIfCancelled();
                tick.run();
            }
            if (line == LineReader.TOO_LONG) {
                rowsRead++;
                skip(null, Reason.LINE_TOO_LONG, "longer than " + LineReader.MAX_LINE_BYTES + " bytes", "");
                continue;
            }
            if (line == null) {
                byte[] b = lines.lineBytes();
                int from = lines.lineStart(), to = lines.lineEnd();
                if (blank(b, from, to)) {
                    blankLines++;
                    continue;
                }
                rowsRead++;
                count = fields.split(b, from, to, header.delimiter());
                if (count < 0) { // a quote: Commons CSV, on the text
                    line = lines.lineText();
                    count = splitQuoted(line, fields);
                }
            } else {
                if (line.isBlank()) {
                    blankLines++;
                    continue;
                }
                rowsRead++;
                count = line.indexOf('"') < 0 ? fields.split(line, header.delimiter()) : splitQuoted(line, fields);
            }
            long recordLine = currentLine;
            if (count < 0) continue; // already reported
            if (count != width) {
                skip(null, Reason.FIELD_COUNT, "expected " + width + " fields, found " + count, record(fields, line));
                continue;
            }
            if (!parseCells(kinds, fields, num, time, missing, line)) continue;
            append(kinds, fields, num, time, missing, recordLine);
            if (keep) {
                lineSpans.add(line == null && asWritten(kinds, fields, missing)
                        ? RowText.line(fileOffset + lines.lineOffset(), lines.lineEnd() - lines.lineStart()) : RowText.NOT_AS_WRITTEN);
            }
        }
    }

    /**
     * Whether a plain line's cells are spelt as the scored CSV writes them back, so its line can stand for the row: no
     * white space around a cell, whole numbers in plain digits, times in their ISO-8601 form, nothing for a missing
     * number or time. A text cell that the writer quotes or neutralises is left to the writer to tell.
     */
    private boolean asWritten(Role.Kind[] kinds, Cells cells, boolean[] missing) {
        for (int i = 0; i < kinds.length; i++) {
            boolean as = switch (kinds[i]) {
                case TEXT -> cells.untrimmed(i);
                case NUMBER -> missing[i] ? cells.empty(i) : cells.plainWhole(i);
                case TIME -> missing[i] ? cells.empty(i) : cells.untrimmed(i) && timeMemo[i].lastCanonical();
            };
            if (!as) return false;
        }
        return true;
    }

    /** The record's text, for an error snippet: made only when a line is reported. */
    private String record(Cells fields, String line) {
        return fields.record != null ? fields.record : line != null ? line : lines.lineText();
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] > ' ') return false;
        return true;
    }

    /** Moves this half's line numbers after the first half's {@code lines} lines. */
    void shiftLines(long offset) {
        for (int i = 0; i < rows; i++) sourceLines.set(i, (int) Math.min(Integer.MAX_VALUE, sourceLines.get(i) + offset));
        issues.replaceAll(x -> x.atLine(x.line() + offset));
    }

    private String nextLine() throws IOException {
        if (!pushedBack.isEmpty()) {
            currentLine = pushedBackNumbers.pop()[0];
            return pushedBack.pop();
        }
        String l = lines.next();
        currentLine = lines.lineNumber();
        return l;
    }

    void readHeader() throws IOException {
        String header = nextLine();
        while (header != null && header != LineReader.TOO_LONG && header.isBlank()) header = nextLine();
        if (header == null) throw new ImportException(file + ": the file is empty");
        if (header == LineReader.TOO_LONG) throw new ImportException(file + ":1: the header line is longer than " + LineReader.MAX_LINE_BYTES + " bytes; this is not a CSV export");
        this.header = CsvHeader.parse(file, currentLine, header);
        createBuilders();
    }

    private void createBuilders() {
        String[] headers = header.names();
        timeMemo = new TimeMemo[headers.length];
        numbers = new NumberColumn.Builder[headers.length];
        times = new TimeColumn.Builder[headers.length];
        texts = new TextColumn.Builder[headers.length];
        rules = new Plausible.Rule[headers.length];
        for (int i = 0; i < headers.length; i++) {
            timeMemo[i] = new TimeMemo();
            rules[i] = Plausible.ruleFor(Role.byHeader(headers[i]).map(Role::header).orElse("")); // once per column, not per cell
            switch (header.kinds()[i]) {
                case NUMBER -> numbers[i] = new NumberColumn.Builder(headers[i]);
                case TIME -> times[i] = new TimeColumn.Builder(headers[i]);
                case TEXT -> texts[i] = new TextColumn.Builder(headers[i]);
            }
        }
    }

    /**
     * Parses a line containing quotes with Commons CSV, pulling in following lines while a quoted field
     * is open. If it never closes, only the first line is reported and the others are read again.
     */
    private int splitQuoted(String first, Cells out) throws IOException {
        long firstLine = currentLine;
        List<String> extra = new ArrayList<>();
        List<Long> extraNumbers = new ArrayList<>();
        StringBuilder joined = new StringBuilder(first);
        while (true) {
            List<String> cells = CsvHeader.cells(joined.toString(), header.format());
            if (cells != null) {
                if (extra.isEmpty() || cells.size() == out.width()) return out.set(cells, joined.toString());
                break; // the joined lines parse, but not as one record: the quote was a stray one
            }
            if (extra.size() >= MAX_RECORD_LINES || joined.length() > LineReader.MAX_LINE_BYTES) break;
            String more = lines.next();
            if (more == null) {
                ranOut = true;
                break;
            }
            extra.add(more);
            extraNumbers.add(lines.lineNumber());
            if (more == LineReader.TOO_LONG) break;
            joined.append('\n').append(more);
        }
        currentLine = firstLine;
        skip(null, Reason.UNTERMINATED_QUOTE, "a quoted field opened on this line is never closed", first);
        for (int i = extra.size() - 1; i >= 0; i--) {
            pushedBack.push(extra.get(i));
            pushedBackNumbers.push(new long[] {extraNumbers.get(i)});
        }
        return -1;
    }

    private boolean parseCells(Role.Kind[] kinds, Cells cells, double[] num, long[] time, boolean[] missing, String line) {
        String[] headers = header.names();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == Role.Kind.TEXT) continue;
            missing[i] = cells.isMissing(i);
            if (missing[i]) continue;
            if (kinds[i] == Role.Kind.NUMBER) {
                double v = cells.number(i);
                if (Double.isNaN(v)) {
                    skip(headers[i], Reason.NOT_A_NUMBER, "expected a number, found \"" + ImportIssue.snippet(cells.text(i)) + "\"", record(cells, line));
                    return false;
                }
                String implausible = rules[i] == null ? null : rules[i].problem(v);
                if (implausible != null) {
                    skip(headers[i], Reason.OUT_OF_RANGE, "\"" + ImportIssue.snippet(cells.text(i)) + "\" is " + implausible, record(cells, line));
                    return false;
                }
                num[i] = v;
            } else {
                try {
                    time[i] = timeMemo[i].parse(cells, i);
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    skip(headers[i], Reason.BAD_TIMESTAMP, "expected an ISO-8601 time or epoch seconds, found \""
                            + ImportIssue.snippet(cells.text(i)) + "\"", record(cells, line));
                    return false;
                }
            }
        }
        return true;
    }

    private void append(Role.Kind[] kinds, Cells cells, double[] num, long[] time, boolean[] missing, long line) {
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case NUMBER -> { if (missing[i]) numbers[i].addMissing(); else numbers[i].add(num[i]); }
                case TIME -> { if (missing[i]) times[i].addMissing(); else times[i].add(time[i], timeMemo[i].lastMicros()); }
                case TEXT -> cells.addTo(i, texts[i]);
            }
        }
        sourceLines.add((int) Math.min(Integer.MAX_VALUE, line));
        rows++;
    }

    private void skip(String column, Reason reason, String detail, String raw) {
        skipped++;
        if (issues.size() < ImportReport.MAX_ISSUES) issues.add(ImportIssue.of(file, currentLine, column, reason, detail, raw));
    }

    /** Joins the parts (one, or two halves in file order) into the table and its report. */
    static ImportResult finish(List<CsvRun> parts) {
        CsvRun first = parts.get(0);
        for (CsvRun other : parts.subList(1, parts.size())) first.absorb(other);
        return first.toResult();
    }

    /** Appends the other part's rows, column by column on every core: each column is a copy of its own. */
    private void absorb(CsvRun other) {
        java.util.stream.IntStream.range(0, header.names().length).parallel().forEach(i -> {
            switch (header.kinds()[i]) {
                case NUMBER -> numbers[i].append(other.numbers[i]);
                case TIME -> times[i].append(other.times[i]);
                case TEXT -> texts[i].append(other.texts[i]);
            }
        });
        sourceLines.addAll(other.sourceLines, null);
        if (lineSpans != null && other.lineSpans != null) {
            lineSpans.addAll(other.lineSpans);
        } else {
            lineSpans = null;
        }
        rows += other.rows;
        rowsRead += other.rowsRead;
        blankLines += other.blankLines;
        skipped += other.skipped;
        for (ImportIssue x : other.issues) if (issues.size() < ImportReport.MAX_ISSUES) issues.add(x);
        warnings.addAll(other.warnings);
    }

    private ImportResult toResult() {
        String[] headers = header.names();
        if (rowsRead == 0) throw new ImportException(file + ": has a header but no data rows");
        if (rows == 0) {
            throw new ImportException(file + ": none of the " + rowsRead + " rows could be imported; first problem: " + issues.get(0));
        }
        Column[] built = new Column[headers.length];
        java.util.stream.IntStream.range(0, headers.length).parallel().forEach(i -> {
            built[i] = switch (header.kinds()[i]) {
                case NUMBER -> numbers[i].build();
                case TIME -> times[i].build();
                case TEXT -> texts[i].build();
            };
            built[i].isConstant(); // worked out here, on every core: the report asks every column next
        });
        TableAssembler a = new TableAssembler();
        List<String> extra = header.into(a, built);
        return a.result(new ImportReport.Counts(file, rowsRead, skipped, issues, blankLines, warnings), rows, sourceLines.toArray(), extra,
                "CSV export, " + headers.length + " columns");
    }
}
