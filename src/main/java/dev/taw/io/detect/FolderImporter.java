// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.detect;

import dev.taw.io.FileNames;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.TableUnion;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<Table> tables = parts.stream().map(ImportResult::table).toList();
        List<String> names = files.stream().map(f -> folder.relativize(f).toString()).toList();
        Table table = TableUnion.of(tables, names, TableUnion.Layout.of(tables));
        return new ImportResult(table, report(folder, parts, table, notLogs, formats));
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
}
