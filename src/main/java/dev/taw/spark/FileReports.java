// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.io.TableUnion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reading the files found, put together on the driver in path order: the layout of the whole log (as a
 * folder's columns are joined), the numbers with empty cells, the counts and the first bad lines. A task that ran
 * twice reported its file twice; each file counts once.
 */
record FileReports(TableUnion.Layout layout, Set<String> emptyNumbers, long read, long imported, long skipped, List<String> issues,
                   List<String> notLogs) {
    static final int MAX_ISSUES = 100;

    static FileReports of(List<Pieces.FileReport> reported, HadoopFiles.Listing listing) {
        Map<String, Pieces.FileReport> byName = new LinkedHashMap<>();
        for (Pieces.FileReport r : reported) byName.put(r.name(), r);
        TableUnion.Layout layout = new TableUnion.Layout(Map.of(), Map.of(), Map.of(), false);
        long read = 0, imported = 0, skipped = 0;
        List<String> issues = new ArrayList<>(), notLogs = new ArrayList<>();
        List<Pieces.FileReport> inOrder = new ArrayList<>();
        for (HadoopFiles.Input f : listing.files()) if (byName.containsKey(f.name())) inOrder.add(byName.get(f.name()));
        for (Pieces.FileReport r : inOrder) {
            if (r.notALog() != null) {
                notLogs.add(r.name() + " (" + r.notALog() + ")");
                continue;
            }
            layout = layout.with(r.columns());
            read += r.read();
            imported += r.imported();
            skipped += r.skipped();
            for (String i : r.issues()) if (issues.size() < MAX_ISSUES) issues.add(i);
        }
        Set<String> empty = new LinkedHashSet<>();
        for (Pieces.FileReport r : inOrder) {
            for (TableUnion.ColumnSpec c : r.columns()) {
                if (!r.emptyNumbers().contains(c.name())) continue;
                empty.add(c.roles().isEmpty() ? c.name() : layout.roleNames().get(c.roles().get(0)));
            }
        }
        return new FileReports(layout, empty, read, imported, skipped, issues, notLogs);
    }

    String firstNotALog() {
        return notLogs.isEmpty() ? "" : notLogs.get(0);
    }
}
