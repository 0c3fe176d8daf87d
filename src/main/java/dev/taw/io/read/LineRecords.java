// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import dev.taw.io.FileNames;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.TableAssembler;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.TextColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping every line-based log importer shares: lines read, skipped (with their issues, in the
 * notes' format) and blank, the warnings, and for each imported row the file and line it came from.
 */
public final class LineRecords {
    public final String file;
    public final List<ImportIssue> issues = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public long read;
    public long skipped;
    public long blank;
    public int rows;
    private final TextColumn.Builder sourceFile = new TextColumn.Builder("source_file");
    private final NumberColumn.Builder sourceLine = new NumberColumn.Builder("source_line");
    private final dev.taw.table.Growable.Ints lineOf = new dev.taw.table.Growable.Ints();

    public LineRecords(String file) {
        this.file = file;
    }

    /** A parser of one text log: fed line by line, then asked for the table. */
    public interface TextParser extends LineSink {
        ImportResult finish();
    }

    /**
     * Reads a whole text log (plain or gzip) through a parser made for its bookkeeping: the open, read
     * and error handling every line-based format shares.
     */
    public static ImportResult readText(Path path, ProgressListener progress, CancelToken cancel, java.util.function.Function<LineRecords, TextParser> parserFor) {
        InputFiles.Opened opened = InputFiles.open(path);
        String file = FileNames.of(path);
        LineRecords records = new LineRecords(file);
        TextParser parser = parserFor.apply(records);
        try (LineReader lines = new LineReader(opened.stream(), LineReader.MAX_LINE_BYTES)) {
            records.readAll(opened, lines, progress, cancel, parser);
        } catch (IOException e) {
            throw new ImportException(file + ": read failed (" + e.getMessage() + ")", e);
        }
        return parser.finish();
    }

    /** Handles one physical line of a log. */
    @FunctionalInterface
    interface LineSink {
        void accept(String line, long lineNo);
    }

    /** Handles one physical line of a log as bytes: the reader is positioned on it. */
    @FunctionalInterface
    public interface ByteLineSink {
        void accept(LineView line, long lineNo);
    }

    /** {@link #readAll(InputFiles.Opened, LineView, ProgressListener, CancelToken, ByteLineSink)} for parsers of text lines. */
    public void readAll(InputFiles.Opened opened, LineReader lines, ProgressListener progress, CancelToken cancel, LineSink sink) throws IOException {
        readAll(opened, lines, progress, cancel, (ByteLineSink) (r, no) -> sink.accept(r.lineTooLong() ? LineReader.TOO_LONG : r.lineText(), no));
    }

    /**
     * Feeds every line of an opened log to {@code sink}, with progress and cancellation every few thousand
     * lines, and notes a gzip stream that ends early.
     */
    public void readAll(InputFiles.Opened opened, LineView lines, ProgressListener progress, CancelToken cancel, ByteLineSink sink) throws IOException {
        while (lines.advance()) {
            if ((lines.lineNumber() & 0x1FFF) == 0) {
                cancel.throwIfCancelled();
                progress.onProgress("Reading", opened.counter().count(), opened.sizeOnDisk());
            }
            sink.accept(lines, lines.lineNumber());
        }
        progress.onProgress("Reading", opened.sizeOnDisk(), opened.sizeOnDisk());
        if (opened.truncated()) warnings.add(ImportIssue.Reason.TRUNCATED_FILE + " — the compressed data ends early, in line " + lines.lineNumber());
    }

    /**
     * Where the line to parse starts, past a leading BOM; -1 when the line was dealt with here: a line over
     * the length limit is counted as read and skipped, a blank one is counted.
     */
    public int start(LineView line, long lineNo, String format) {
        if (line.lineTooLong()) {
            read++;
            skip(lineNo, format, null, Reason.LINE_TOO_LONG, "longer than " + LineReader.MAX_LINE_BYTES + " bytes", "");
            return -1;
        }
        byte[] b = line.lineBytes();
        int from = line.lineStart(), to = line.lineEnd();
        if (lineNo == 1 && to - from >= 3 && b[from] == (byte) 0xEF && b[from + 1] == (byte) 0xBB && b[from + 2] == (byte) 0xBF) from += 3;
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(b[i])) return from;
        }
        blank++;
        return -1;
    }

    /**
     * The line to parse, without a leading BOM; null when the line was dealt with here: a line over the
     * length limit is counted as read and skipped, a blank one is counted.
     */
    public String line(String raw, long lineNo, String format) {
        if (raw == LineReader.TOO_LONG) {
            read++;
            skip(lineNo, format, null, Reason.LINE_TOO_LONG, "longer than " + LineReader.MAX_LINE_BYTES + " bytes", "");
            return null;
        }
        String line = lineNo == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (line.isBlank()) {
            blank++;
            return null;
        }
        return line;
    }

    public void skip(long line, String format, String column, Reason reason, String detail, String raw) {
        skipped++;
        if (issues.size() < ImportReport.MAX_ISSUES) issues.add(ImportIssue.of(file, line, format, column, reason, detail, raw));
    }

    /** Records that a row was imported from {@code lineNo}. */
    public void row(long lineNo) {
        sourceFile.add(file);
        sourceLine.add(lineNo);
        lineOf.add((int) Math.min(Integer.MAX_VALUE, lineNo));
        rows++;
    }

    /** The {@code source_file} and {@code source_line} columns. */
    public List<Column> sourceColumns() {
        return List.of(sourceFile.build(), sourceLine.build());
    }

    public int[] lines() {
        return lineOf.toArray();
    }

    /** Why a file gave nothing to read, in words: empty, only blank lines, or every line refused (the first reason). */
    public String nothingRead() {
        if (!issues.isEmpty()) return file + ": no record could be read; first problem: " + issues.get(0);
        return file + (blank > 0 ? ": the file has only blank lines" : ": the file is empty");
    }

    /** The table and report of what was read: {@code assembler}'s columns, then the source file and line of each row. */
    public ImportResult result(TableAssembler assembler, List<String> extra, String format) {
        assembler.all(sourceColumns());
        return assembler.result(new ImportReport.Counts(file, read, skipped, issues, blank, warnings), rows, lines(), extra, format);
    }
}
