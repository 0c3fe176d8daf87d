// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.io.ImportIssue.Reason;
import dev.taw.pipeline.CancelToken;
import dev.taw.pipeline.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.SeedField;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports a CloudWatch web-traffic CSV export (plain or gzip) into a typed {@link Table}.
 *
 * <p>Columns are matched by header name ({@link SeedField#normalise}), in any order; unknown columns are
 * kept as text. Records are read line by line: a line without a quote character is split directly on the
 * delimiter (the common case, and several times faster); a line with quotes is handed to Commons CSV,
 * joined with following lines only while a quoted field is still open. A quote that never closes costs
 * exactly one reported line, never the rest of the file.
 */
public final class CsvImporter {
    /** One line longer than this is one error, not an out-of-memory. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** A quoted field may span at most this many physical lines before it counts as unterminated. */
    private static final int MAX_RECORD_LINES = 50;
    private static final Set<String> MISSING_TOKENS = Set.of("", "-", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan");

    /** Imports with no progress and no cancellation, for batch use and tests. */
    public ImportResult read(Path path) {
        return read(path, ProgressListener.NONE, CancelToken.NEVER);
    }

    public ImportResult read(Path path, ProgressListener progress, CancelToken cancel) {
        InputFiles.Opened opened = InputFiles.open(path);
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try (LineReader lines = new LineReader(new InputStreamReader(opened.stream(), StandardCharsets.UTF_8), MAX_LINE_CHARS)) {
            return new Run(file, lines, opened, progress, cancel).execute();
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException(file + ": read failed (" + e.getMessage() + ")", e);
        }
    }

    /** State of one import; a fresh instance per file keeps {@link CsvImporter} stateless. */
    private static final class Run {
        private final String file;
        private final LineReader lines;
        private final InputFiles.Opened opened;
        private final ProgressListener progress;
        private final CancelToken cancel;
        private final Deque<long[]> pushedBackNumbers = new ArrayDeque<>();
        private final Deque<String> pushedBack = new ArrayDeque<>();
        private final List<ImportIssue> issues = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private long skipped;
        private long rowsRead;
        private long blankLines;
        private long currentLine;

        private char delimiter;
        private CSVFormat format;
        private String[] headers;
        private SeedField.Kind[] kinds;
        private NumberColumn.Builder[] numbers;
        private TimeColumn.Builder[] times;
        private TextColumn.Builder[] texts;
        private int[] sourceLines = new int[1024];
        private int rows;

        Run(String file, LineReader lines, InputFiles.Opened opened, ProgressListener progress, CancelToken cancel) {
            this.file = file;
            this.lines = lines;
            this.opened = opened;
            this.progress = progress;
            this.cancel = cancel;
        }

        ImportResult execute() throws IOException {
            Map<SeedField, Integer> roles = readHeader();
            String[] fields = new String[headers.length];
            double[] num = new double[headers.length];
            long[] time = new long[headers.length];
            boolean[] missing = new boolean[headers.length];
            String line;
            while ((line = nextLine()) != null) {
                if ((rowsRead & 0x1FFF) == 0) {
                    cancel.throwIfCancelled();
                    progress.onProgress("Reading", opened.counter().count(), opened.sizeOnDisk());
                }
                if (line == LineReader.TOO_LONG) {
                    rowsRead++;
                    skip(null, Reason.LINE_TOO_LONG, "longer than " + MAX_LINE_CHARS + " characters", "");
                    continue;
                }
                if (line.isBlank()) {
                    blankLines++;
                    continue;
                }
                rowsRead++;
                long recordLine = currentLine;
                String record = line;
                int count = line.indexOf('"') < 0 ? splitPlain(line, fields) : splitQuoted(line, fields);
                if (count < 0) continue; // already reported
                if (count != headers.length) {
                    skip(null, Reason.FIELD_COUNT, "expected " + headers.length + " fields, found " + count, record);
                    continue;
                }
                if (parseCells(fields, num, time, missing, recordLine, record)) append(fields, num, time, missing, recordLine);
            }
            progress.onProgress("Reading", opened.sizeOnDisk(), opened.sizeOnDisk());
            if (opened.truncated()) {
                warnings.add("TRUNCATED_FILE — the compressed data ends early, in line " + lines.lineNumber()
                        + "; the rows before it were imported");
            }
            return finish(roles);
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

        private Map<SeedField, Integer> readHeader() throws IOException {
            String header = nextLine();
            while (header != null && header != LineReader.TOO_LONG && header.isBlank()) header = nextLine();
            if (header == null) throw new ImportException(file + ": the file is empty");
            if (header == LineReader.TOO_LONG) throw new ImportException(file + ":1: the header line is longer than " + MAX_LINE_CHARS + " characters; this is not a CSV export");
            if (!header.isEmpty() && header.charAt(0) == '\uFEFF') header = header.substring(1);
            delimiter = sniffDelimiter(header);
            format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
            List<String> cells = parseWithCommons(header);
            if (cells == null) throw new ImportException(file + ":" + currentLine + ": the header has an unterminated quote");
            headers = cells.stream().map(String::strip).toArray(String[]::new);
            Map<SeedField, Integer> roles = new EnumMap<>(SeedField.class);
            kinds = new SeedField.Kind[headers.length];
            for (int i = 0; i < headers.length; i++) {
                SeedField f = SeedField.byHeader(headers[i]).orElse(null);
                if (f != null && !roles.containsKey(f)) {
                    roles.put(f, i);
                    kinds[i] = f.kind();
                } else {
                    kinds[i] = SeedField.Kind.TEXT;
                }
            }
            for (SeedField f : SeedField.values()) {
                if (f.required() && !roles.containsKey(f)) {
                    throw new ImportException(file + ":" + currentLine + ": required column '" + f.header() + "' is missing (columns found: "
                            + String.join(", ", headers) + ")");
                }
            }
            numbers = new NumberColumn.Builder[headers.length];
            times = new TimeColumn.Builder[headers.length];
            texts = new TextColumn.Builder[headers.length];
            for (int i = 0; i < headers.length; i++) {
                switch (kinds[i]) {
                    case NUMBER -> numbers[i] = new NumberColumn.Builder(headers[i]);
                    case TIME -> times[i] = new TimeColumn.Builder(headers[i]);
                    case TEXT -> texts[i] = new TextColumn.Builder(headers[i]);
                }
            }
            return roles;
        }

        private static char sniffDelimiter(String header) {
            char best = ',';
            long bestCount = header.chars().filter(c -> c == ',').count();
            for (char c : new char[] {';', '\t'}) {
                long n = header.chars().filter(x -> x == c).count();
                if (n > bestCount) {
                    best = c;
                    bestCount = n;
                }
            }
            return best;
        }

        /** Splits a line that has no quotes; returns the field count (which may exceed the array). */
        private int splitPlain(String line, String[] out) {
            int count = 0;
            int start = 0;
            while (true) {
                int at = line.indexOf(delimiter, start);
                int stop = at < 0 ? line.length() : at;
                if (count < out.length) out[count] = line.substring(start, stop);
                count++;
                if (at < 0) return count;
                start = at + 1;
            }
        }

        /**
         * Parses a line containing quotes with Commons CSV, pulling in following lines while a quoted field
         * is open. If it never closes, only the first line is reported and the others are read again.
         */
        private int splitQuoted(String first, String[] out) throws IOException {
            long firstLine = currentLine;
            List<String> extra = new ArrayList<>();
            List<Long> extraNumbers = new ArrayList<>();
            StringBuilder joined = new StringBuilder(first);
            while (true) {
                List<String> cells = parseWithCommons(joined.toString());
                if (cells != null) {
                    if (extra.isEmpty() || cells.size() == out.length) return copy(cells, out);
                    break; // the joined lines parse, but not as one record: the quote was a stray one
                }
                if (extra.size() >= MAX_RECORD_LINES || joined.length() > MAX_LINE_CHARS) break;
                String more = lines.next();
                if (more == null) break;
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

        private static int copy(List<String> cells, String[] out) {
            for (int i = 0; i < Math.min(cells.size(), out.length); i++) out[i] = cells.get(i);
            return cells.size();
        }

        /** @return the cells of one record, or null when a quoted field is not closed */
        private List<String> parseWithCommons(String text) {
            try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(format).get()) {
                List<CSVRecord> records = parser.getRecords();
                if (records.size() != 1) return records.isEmpty() ? List.of("") : null;
                return records.get(0).toList();
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                return null;
            }
        }

        private boolean parseCells(String[] fields, double[] num, long[] time, boolean[] missing, long line, String record) {
            for (int i = 0; i < fields.length; i++) {
                switch (kinds[i]) {
                    case NUMBER -> {
                        String cell = fields[i].strip();
                        missing[i] = MISSING_TOKENS.contains(cell);
                        if (missing[i]) continue;
                        double v = parseNumber(cell);
                        if (Double.isNaN(v)) {
                            skip(headers[i], Reason.NOT_A_NUMBER, "expected a number, found \"" + ImportIssue.snippet(cell) + "\"", record);
                            return false;
                        }
                        num[i] = v;
                    }
                    case TIME -> {
                        String cell = fields[i].strip();
                        missing[i] = MISSING_TOKENS.contains(cell);
                        if (missing[i]) continue;
                        try {
                            time[i] = Timestamps.parseMillis(cell);
                        } catch (IllegalArgumentException | java.time.DateTimeException e) {
                            skip(headers[i], Reason.BAD_TIMESTAMP, "expected an ISO-8601 time or epoch seconds, found \"" + ImportIssue.snippet(cell) + "\"", record);
                            return false;
                        }
                    }
                    case TEXT -> { }
                }
            }
            return true;
        }

        /** Parses a finite number; digits-only cells avoid {@code Double.parseDouble}. NaN means invalid. */
        static double parseNumber(String cell) {
            int n = cell.length();
            if (n > 0 && n <= 15) {
                long v = 0;
                int i = 0;
                for (; i < n; i++) {
                    char c = cell.charAt(i);
                    if (c < '0' || c > '9') break;
                    v = v * 10 + (c - '0');
                }
                if (i == n) return v;
            }
            try {
                double v = Double.parseDouble(cell);
                return Double.isFinite(v) ? v : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private void append(String[] fields, double[] num, long[] time, boolean[] missing, long line) {
            for (int i = 0; i < fields.length; i++) {
                switch (kinds[i]) {
                    case NUMBER -> { if (missing[i]) numbers[i].addMissing(); else numbers[i].add(num[i]); }
                    case TIME -> { if (missing[i]) times[i].addMissing(); else times[i].add(time[i]); }
                    case TEXT -> texts[i].add(fields[i].strip());
                }
            }
            if (rows == sourceLines.length) sourceLines = java.util.Arrays.copyOf(sourceLines, rows * 2);
            sourceLines[rows++] = (int) Math.min(Integer.MAX_VALUE, line);
        }

        private void skip(String column, Reason reason, String detail, String raw) {
            skipped++;
            if (issues.size() < ImportReport.MAX_ISSUES) issues.add(ImportIssue.of(file, currentLine, column, reason, detail, raw));
        }

        private ImportResult finish(Map<SeedField, Integer> roles) {
            if (rowsRead == 0) throw new ImportException(file + ": has a header but no data rows");
            if (rows == 0) {
                throw new ImportException(file + ": none of the " + rowsRead + " rows could be imported; first problem: " + issues.get(0));
            }
            List<Column> columns = new ArrayList<>(headers.length);
            Map<String, Integer> imputed = new LinkedHashMap<>();
            for (int i = 0; i < headers.length; i++) {
                Column c = switch (kinds[i]) {
                    case NUMBER -> numbers[i].build();
                    case TIME -> times[i].build();
                    case TEXT -> texts[i].build();
                };
                if (c instanceof NumberColumn nc && nc.missingCount() > 0) imputed.put(nc.name(), nc.missingCount());
                columns.add(c);
            }
            Map<SeedField, Column> roleColumns = new EnumMap<>(SeedField.class);
            roles.forEach((f, i) -> roleColumns.put(f, columns.get(i)));
            List<String> missingOptional = new ArrayList<>();
            for (SeedField f : SeedField.values()) if (!roles.containsKey(f)) missingOptional.add(f.header());
            List<String> extra = new ArrayList<>();
            for (int i = 0; i < headers.length; i++) if (!roles.containsValue(i)) extra.add(headers[i]);
            Table table = new Table(rows, columns, roleColumns, java.util.Arrays.copyOf(sourceLines, rows));
            ImportReport report = new ImportReport(file, rowsRead, rows, skipped, issues, imputed, blankLines,
                    missingOptional, extra, table.constantColumns(), warnings);
            return new ImportResult(table, report);
        }
    }
}
