// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.pipeline.CancelToken;
import dev.taw.pipeline.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.SeedField;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Opens every log under a folder (recursively, in path order, the way an S3 prefix syncs to disk), each
 * file detected on its own; files that are not logs are listed and skipped. The files' rows become one
 * table: the columns that play the same role (bytes in, source IP, …) are joined whatever each file called
 * them, other columns by name, and a {@code source_file} column says where each row came from.
 */
final class FolderImporter {
    private final LogImporter single;

    FolderImporter(LogImporter single) {
        this.single = single;
    }

    ImportResult read(Path folder, LogImporter.Format format, ProgressListener progress, CancelToken cancel) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new ImportException(folder + ": cannot list the folder (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            throw new ImportException(folder + ": cannot list the folder (" + e.getCause().getMessage() + ")");
        }
        if (files.isEmpty()) throw new ImportException(folder + ": the folder has no files");
        List<ImportResult> parts = new ArrayList<>();
        List<Path> partFiles = new ArrayList<>();
        List<String> notLogs = new ArrayList<>();
        Map<String, Integer> formats = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            cancel.throwIfCancelled();
            Path f = files.get(i);
            progress.onProgress("Reading file " + (i + 1) + " of " + files.size() + ": " + f.getFileName(), i, files.size());
            try {
                ImportResult r = single.readFile(f, format, ProgressListener.NONE, cancel);
                parts.add(r);
                partFiles.add(f);
                formats.merge(r.report().format().replaceAll(", \\d+ (fields|columns)", ""), 1, Integer::sum);
            } catch (ImportException e) {
                notLogs.add(folder.relativize(f) + " (" + e.getMessage().replaceFirst("^.*?: ", "") + ")");
            }
        }
        progress.onProgress("Reading files", files.size(), files.size());
        if (parts.isEmpty()) {
            throw new ImportException(folder + ": none of the " + files.size() + " files is a traffic log; first: " + notLogs.get(0));
        }
        return join(folder, parts, partFiles, notLogs, formats);
    }

    private static ImportResult join(Path folder, List<ImportResult> parts, List<Path> files, List<String> notLogs, Map<String, Integer> formats) {
        // one output column per role (named as the first file names it), then the other columns by name
        // first the output name of each role and of every other column, and the kind each must have:
        // a column that is a number in one file and text in another becomes text, so nothing is lost
        Map<SeedField, String> roleName = new EnumMap<>(SeedField.class);
        Map<String, SeedField.Kind> kinds = new LinkedHashMap<>();
        for (ImportResult r : parts) {
            for (var e : r.table().roles().entrySet()) roleName.putIfAbsent(e.getKey(), e.getValue().name());
        }
        for (ImportResult r : parts) {
            for (Column c : r.table().columns()) {
                String out = outputName(r.table(), c, roleName);
                kinds.merge(out, kindOf(c), (a, b) -> a == b ? a : SeedField.Kind.TEXT);
            }
        }
        kinds.putIfAbsent("source_file", SeedField.Kind.TEXT);
        Map<String, Merged> columns = new LinkedHashMap<>();
        kinds.forEach((n, k) -> columns.put(n, new Merged(n, k)));
        Map<SeedField, Merged> roles = new EnumMap<>(SeedField.class);
        roleName.forEach((f, n) -> roles.put(f, columns.get(n)));
        Merged sourceFile = columns.get("source_file");
        int total = 0;
        List<Integer> lines = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Table t = parts.get(p).table();
            Map<Merged, Column> from = new LinkedHashMap<>();
            for (Column c : t.columns()) from.putIfAbsent(columns.get(outputName(t, c, roleName)), c);
            String name = folder.relativize(files.get(p)).toString();
            for (int row = 0; row < t.rowCount(); row++) {
                for (Merged m : columns.values()) {
                    Column c = from.get(m);
                    if (m == sourceFile && c == null) m.addText(name);
                    else m.add(c, row);
                }
                lines.add(t.sourceLines()[row]);
            }
            total += t.rowCount();
        }
        List<Column> built = new ArrayList<>();
        Map<Merged, Column> done = new LinkedHashMap<>();
        for (Merged m : columns.values()) {
            Column c = m.build();
            built.add(c);
            done.put(m, c);
        }
        Map<SeedField, Column> roleColumns = new EnumMap<>(SeedField.class);
        roles.forEach((f, m) -> roleColumns.put(f, done.get(m)));
        Table table = new Table(total, built, roleColumns, lines.stream().mapToInt(Integer::intValue).toArray());
        return new ImportResult(table, report(folder, parts, table, notLogs, formats));
    }

    /** A role's column goes under the role's output name; any other column under its own name. */
    private static String outputName(Table t, Column c, Map<SeedField, String> roleName) {
        for (var e : t.roles().entrySet()) if (e.getValue() == c) return roleName.get(e.getKey());
        return c.name();
    }

    private static SeedField.Kind kindOf(Column c) {
        if (c instanceof NumberColumn) return SeedField.Kind.NUMBER;
        if (c instanceof TimeColumn) return SeedField.Kind.TIME;
        return SeedField.Kind.TEXT;
    }

    private static ImportReport report(Path folder, List<ImportResult> parts, Table table, List<String> notLogs, Map<String, Integer> formats) {
        long read = 0, skipped = 0, blank = 0;
        List<ImportIssue> issues = new ArrayList<>();
        Map<String, Integer> imputed = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (ImportResult r : parts) {
            ImportReport p = r.report();
            read += p.rowsRead();
            skipped += p.skippedCount();
            blank += p.blankLines();
            for (ImportIssue i : p.issues()) if (issues.size() < ImportReport.MAX_ISSUES) issues.add(i);
            p.imputedByColumn().forEach((c, n) -> imputed.merge(c, n, Integer::sum));
            for (String w : p.warnings()) warnings.add(p.file() + ": " + w);
        }
        if (!notLogs.isEmpty()) {
            warnings.add(notLogs.size() + " file(s) are not traffic logs and were skipped: "
                    + String.join("; ", notLogs.subList(0, Math.min(10, notLogs.size()))) + (notLogs.size() > 10 ? "; …" : ""));
        }
        String format = "folder, " + parts.size() + " file(s): " + formats.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .reduce((a, b) -> a + ", " + b).orElse("");
        List<String> missing = new ArrayList<>();
        for (SeedField f : SeedField.values()) if (table.column(f).isEmpty()) missing.add(f.header());
        return new ImportReport(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(), read, table.rowCount(), skipped,
                issues, imputed, blank, missing, List.of(), table.constantColumns(), warnings, null, format);
    }

    /** One output column being filled from the files' columns. */
    private static final class Merged {
        private final String name;
        private final SeedField.Kind kind;
        private final NumberColumn.Builder numbers;
        private final TimeColumn.Builder times;
        private final TextColumn.Builder texts;

        Merged(String name, SeedField.Kind kind) {
            this.name = name;
            this.kind = kind;
            numbers = kind == SeedField.Kind.NUMBER ? new NumberColumn.Builder(name) : null;
            times = kind == SeedField.Kind.TIME ? new TimeColumn.Builder(name) : null;
            texts = kind == SeedField.Kind.TEXT ? new TextColumn.Builder(name) : null;
        }

        void add(Column c, int row) {
            if (c == null || c.isMissing(row)) {
                switch (kind) {
                    case NUMBER -> numbers.addMissing();
                    case TIME -> times.addMissing();
                    case TEXT -> texts.add("");
                }
                return;
            }
            switch (kind) {
                case NUMBER -> {
                    if (c instanceof NumberColumn nc) numbers.add(nc.get(row));
                    else numbers.addMissing();
                }
                case TIME -> {
                    if (c instanceof TimeColumn tc) times.add(tc.get(row));
                    else times.addMissing();
                }
                case TEXT -> texts.add(c.format(row));
            }
        }

        void addText(String v) {
            texts.add(v);
        }

        Column build() {
            return switch (kind) {
                case NUMBER -> numbers.build();
                case TIME -> times.build();
                case TEXT -> texts.build();
            };
        }
    }
}
