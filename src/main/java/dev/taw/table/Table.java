// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The imported rows as columns in input order. {@code roles} maps the seed schema's fields to the
 * column that plays them, whatever the header was called; {@code sourceLines[row]} is the file line the
 * row came from, so an analyst can go back to the source.
 */
public record Table(int rowCount, List<Column> columns, Map<Role, Column> roles, int[] sourceLines) {

    public Table {
        columns = List.copyOf(columns);
        // in the order of Role, not Map.copyOf's order, which changes from one JVM to the next: a column that plays two
        // roles is named by its first where tables are joined (TableUnion), and a folder of ALB and WAF logs put the
        // WAF times under one name or the other, and scored differently, from run to run
        java.util.EnumMap<Role, Column> byRole = new java.util.EnumMap<>(Role.class);
        roles.forEach((r, c) -> byRole.put(r, java.util.Objects.requireNonNull(c, r.name())));
        roles = java.util.Collections.unmodifiableMap(byRole);
        for (Column c : columns) {
            if (c.size() != rowCount) throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rowCount);
        }
    }

    public Optional<Column> column(Role field) {
        return Optional.ofNullable(roles.get(field));
    }

    /** The column with this header, as the file named it (for fields that play no seed role, such as tcp-flags). */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<NumberColumn> number(Role field) {
        return column(field).filter(NumberColumn.class::isInstance).map(NumberColumn.class::cast);
    }

    public Optional<TextColumn> text(Role field) {
        return column(field).filter(TextColumn.class::isInstance).map(TextColumn.class::cast);
    }

    public Optional<TimeColumn> time(Role field) {
        return column(field).filter(TimeColumn.class::isInstance).map(TimeColumn.class::cast);
    }

    /** Columns whose value never changes: they carry no signal and the summary names them. */
    public List<String> constantColumns() {
        return columns.stream().filter(Column::isConstant).map(Column::name).toList();
    }
}
