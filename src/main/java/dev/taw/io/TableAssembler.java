// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every importer ends: its columns in output order, the roles they play, the numeric cells filled with the
 * median, then the table and its report. One assembler, so every format counts and reports the same way.
 */
public final class TableAssembler {
    private final List<Column> columns = new ArrayList<>();
    private final Map<Role, Column> roles = new EnumMap<>(Role.class);
    private final Map<String, Integer> imputed = new LinkedHashMap<>();

    /**
     * A column the importer derived (an oriented address, a split-out path), playing {@code plays}; its empty
     * cells are not the file's, so they are not counted as imputed.
     */
    public TableAssembler derived(Column c, Role... plays) {
        columns.add(c);
        for (Role r : plays) roles.put(r, c);
        return this;
    }

    /** A field of the file as it was read, playing {@code plays}; its empty numeric cells count as imputed. */
    public TableAssembler field(Column c, Role... plays) {
        if (c instanceof NumberColumn nc && nc.missingCount() > 0) imputed.put(c.name(), nc.missingCount());
        return derived(c, plays);
    }

    /**
     * A field of the file as it was read, and right after it the same cells under the name every other format
     * uses, which plays {@code plays}: ALB's {@code received_bytes} is also {@code bytes_in}, CloudFront's
     * {@code c-ip} also {@code src_ip}, so a scored CSV of any format has the columns a SIEM looks for.
     */
    public TableAssembler fieldAs(Column c, String name, Role... plays) {
        field(c);
        return derived(c.renamed(name), plays);
    }

    public TableAssembler all(List<Column> derived) {
        columns.addAll(derived);
        return this;
    }

    public Map<Role, Column> roles() { return roles; }

    /**
     * The table of {@code rows} rows and its report.
     *
     * @param lines  each row's line in the file, or null
     * @param extra  columns kept though the workbench does not know them
     * @param format the format and variant, e.g. {@code VPC flow [header, 29 fields]}
     */
    public ImportResult result(ImportReport.Counts counts, int rows, int[] lines, List<String> extra, String format) {
        Table t = new Table(rows, columns, roles, lines);
        List<String> missing = new ArrayList<>();
        for (Role r : Role.values()) if (r.exportColumn() && !roles.containsKey(r)) missing.add(r.header());
        return new ImportResult(t, new ImportReport(counts.file(), counts.read(), rows, counts.skipped(), counts.issues(), imputed, counts.blank(),
                missing, extra, t.constantColumns(), counts.warnings(), null, format));
    }
}
