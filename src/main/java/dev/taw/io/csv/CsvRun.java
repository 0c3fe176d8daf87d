// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.csv;

import dev.taw.io.Cells;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.TableAssembler;
import dev.taw.io.read.LineReader;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.RowText;
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
    private CsvColumns columns;
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
            columns = new CsvColumns(this.header);
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
        Cells fields = new Cells(width);
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
            CsvColumns.Problem bad = columns.parse(fields);
            if (bad != null) {
                skip(bad.column(), bad.reason(), bad.detail(), record(fields, line));
                continue;
            }
            columns.append(fields);
            sourceLines.add((int) Math.min(Integer.MAX_VALUE, recordLine));
            rows++;
            if (keep) {
                lineSpans.add(line == null && columns.asWritten(fields)
                        ? RowText.line(fileOffset + lines.lineOffset(), lines.lineEnd() - lines.lineStart()) : RowText.NOT_AS_WRITTEN);
            }
        }
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
        columns = new CsvColumns(this.header);
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

    private void absorb(CsvRun other) {
        columns.absorb(other.columns);
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
        Column[] built = columns.build();
        TableAssembler a = new TableAssembler();
        List<String> extra = header.into(a, built);
        return a.result(new ImportReport.Counts(file, rowsRead, skipped, issues, blankLines, warnings), rows, sourceLines.toArray(), extra,
                "CSV export, " + headers.length + " columns");
    }
}
