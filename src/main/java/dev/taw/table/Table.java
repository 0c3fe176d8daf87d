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
        roles = Map.copyOf(roles);
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
