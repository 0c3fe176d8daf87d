// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

/** One column of the imported table, addressed by row index. */
public sealed interface Column permits NumberColumn, TimeColumn, TextColumn {

    /** The header exactly as it appeared in the input file. */
    String name();

    int size();

    /** True when the input cell was empty (numbers: the stored value is then an imputed one). */
    boolean isMissing(int row);

    /** The cell as text for display and export; missing cells give the empty string. */
    String format(int row);

    /** True when every row holds the same value (missing counts as a value). */
    boolean isConstant();

    /** The same cells under another name (no copy): a field as the analyst's other logs call it. */
    Column renamed(String name);
}
