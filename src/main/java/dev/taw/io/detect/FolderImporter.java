// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.detect;

import dev.taw.io.FileNames;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
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

    ImportResult read(Path folder, LogFormat format, ProgressListener progress, CancelToken cancel) {
        List<Path> files, all;
        try (Stream<Path> s = Files.walk(folder)) {
            all = s.filter(p -> !p.getFileName().toString().startsWith(".") && !Files.isDirectory(p)).sorted().toList();
            files = all.stream().filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new ImportException(folder + ": cannot list the folder (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            throw new ImportException(folder + ": cannot list the folder (" + e.getCause().getMessage() + ")");
        }
        if (files.isEmpty()) throw new ImportException(folder + ": the folder has no files");
        List<ImportResult> parts = new ArrayList<>();
        List<Path> partFiles = new ArrayList<>();
        List<String> notLogs = new ArrayList<>();
        // a pipe or a device among the logs would block the read or never end: named, not read
        for (Path p : all) if (!Files.isRegularFile(p)) notLogs.add(folder.relativize(p) + " (not a regular file: a pipe, a device or a socket)");
        Map<String, Integer> formats = new TreeMap<>();
        // files are independent: read them on every core, a few ahead, and take the results in path order
        try {
            Workers.inOrder(files.size(), Workers.cores() * 2, i -> () -> single.readFile(files.get(i), format, ProgressListener.NONE, cancel), cancel,
                    (i, result) -> {
                        Path f = files.get(i);
                        progress.onProgress("Reading file " + (i + 1) + " of " + files.size() + ": " + f.getFileName(), i, files.size());
                        try {
                            ImportResult r = result.get();
                            parts.add(r);
                            partFiles.add(f);
                            formats.merge(r.report().format().replaceAll(", \\d+ (fields|columns)", ""), 1, Integer::sum);
                        } catch (ImportException e) {
                            notLogs.add(folder.relativize(f) + " (" + e.getMessage().replaceFirst("^.*?: ", "") + ")");
                        }
                    });
        } catch (IOException e) {
            throw new ImportException(folder + ": " + e.getMessage()); // reading reports its own I/O errors as ImportException; this is an interrupt
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
        Map<Role, String> roleName = new EnumMap<>(Role.class);
        Map<String, Role.Kind> kinds = new LinkedHashMap<>();
        for (ImportResult r : parts) {
            for (var e : r.table().roles().entrySet()) roleName.putIfAbsent(e.getKey(), e.getValue().name());
        }
        for (ImportResult r : parts) {
            for (Column c : r.table().columns()) {
                String out = outputName(r.table(), c, roleName);
                kinds.merge(out, kindOf(c), (a, b) -> a == b ? a : Role.Kind.TEXT);
            }
        }
        kinds.putIfAbsent("source_file", Role.Kind.TEXT);
        Map<String, Merged> columns = new LinkedHashMap<>();
        kinds.forEach((n, k) -> columns.put(n, new Merged(n, k)));
        Map<Role, Merged> roles = new EnumMap<>(Role.class);
        roleName.forEach((f, n) -> roles.put(f, columns.get(n)));
        Merged sourceFile = columns.get("source_file");
        int total = 0;
        dev.taw.table.Growable.Ints lines = new dev.taw.table.Growable.Ints();
        List<Map<Merged, Column>> froms = new ArrayList<>();
        for (ImportResult part : parts) {
            Table t = part.table();
            Map<Merged, Column> from = new LinkedHashMap<>();
            for (Column c : t.columns()) from.putIfAbsent(columns.get(outputName(t, c, roleName)), c);
            froms.add(from);
            for (int line : t.sourceLines()) lines.add(line);
            total += t.rowCount();
        }
        // column by column, file by file: a text column's distinct values are looked up once per file, not once
        // per row, and only one output dictionary is in use at a time (six address columns' dictionaries of tens
        // of thousands of values each do not fit in cache together)
        columns.values().parallelStream().forEach(m -> { // each output column has builders of its own
            for (int p = 0; p < parts.size(); p++) {
                Column c = froms.get(p).get(m);
                int n = parts.get(p).table().rowCount();
                if (m == sourceFile && c == null) m.addText(folder.relativize(files.get(p)).toString(), n);
                else m.addAll(c, n);
            }
        });
        List<Merged> merged = List.copyOf(columns.values());
        List<Column> built = merged.parallelStream().map(Merged::build).toList(); // medians of many columns: on every core
        Map<Merged, Column> done = new LinkedHashMap<>();
        for (int i = 0; i < merged.size(); i++) done.put(merged.get(i), built.get(i));
        Map<Role, Column> roleColumns = new EnumMap<>(Role.class);
        roles.forEach((f, m) -> roleColumns.put(f, done.get(m)));
        Table table = new Table(total, built, roleColumns, lines.toArray());
        return new ImportResult(table, report(folder, parts, table, notLogs, formats));
    }

    /** A role's column goes under the role's output name; any other column under its own name. */
    private static String outputName(Table t, Column c, Map<Role, String> roleName) {
        for (var e : t.roles().entrySet()) if (e.getValue() == c) return roleName.get(e.getKey());
        return c.name();
    }

    private static Role.Kind kindOf(Column c) {
        if (c instanceof NumberColumn) return Role.Kind.NUMBER;
        if (c instanceof TimeColumn) return Role.Kind.TIME;
        return Role.Kind.TEXT;
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
        for (Role f : Role.values()) if (f.exportColumn() && table.column(f).isEmpty()) missing.add(f.header());
        return new ImportReport(FileNames.of(folder), read, table.rowCount(), skipped,
                issues, imputed, blank, missing, List.of(), table.constantColumns(), warnings, null, format);
    }

    /** One output column being filled from the files' columns. */
    private static final class Merged {
        private final String name;
        private final Role.Kind kind;
        private final NumberColumn.Builder numbers;
        private final TimeColumn.Builder times;
        private final TextColumn.Builder texts;

        Merged(String name, Role.Kind kind) {
            this.name = name;
            this.kind = kind;
            numbers = kind == Role.Kind.NUMBER ? new NumberColumn.Builder(name) : null;
            times = kind == Role.Kind.TIME ? new TimeColumn.Builder(name) : null;
            texts = kind == Role.Kind.TEXT ? new TextColumn.Builder(name) : null;
        }

        /** Appends the {@code n} rows of a file's column ({@code c} null: the file has no such column, all missing). */
        void addAll(Column c, int n) {
            switch (kind) {
                case NUMBER -> {
                    for (int r = 0; r < n; r++) {
                        if (c instanceof NumberColumn nc && !nc.isMissing(r)) numbers.add(nc.get(r)); else numbers.addMissing();
                    }
                }
                case TIME -> {
                    for (int r = 0; r < n; r++) {
                        if (c instanceof TimeColumn tc && !tc.isMissing(r)) times.add(tc.get(r), tc.micros(r)); else times.addMissing();
                    }
                }
                case TEXT -> {
                    if (c instanceof TextColumn tc) {
                        String[] d = tc.dictionary();
                        int[] remap = new int[d.length];
                        for (int k = 0; k < d.length; k++) remap[k] = texts.codeOf(d[k]);
                        int[] codes = tc.codes();
                        for (int r = 0; r < n; r++) texts.addCode(remap[codes[r]]);
                    } else {
                        for (int r = 0; r < n; r++) texts.add(c == null || c.isMissing(r) ? "" : c.format(r));
                    }
                }
            }
        }

        void addText(String v, int n) {
            int code = texts.codeOf(v);
            for (int r = 0; r < n; r++) texts.addCode(code);
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
