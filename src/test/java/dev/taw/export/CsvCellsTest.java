// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a spreadsheet would run gets an apostrophe; numbers and AWS's lone "-" stay as they are. */
class CsvCellsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=1+1|'=1+1", "@SUM(A1)|'@SUM(A1)", "+cmd|'+cmd", "-cmd|'-cmd", "`\t=x`|`'\t=x`",
        "-12|-12", "+1.5e3|+1.5e3", "-.5|-.5", "-3.|-3.",
        // Java reads these as numbers; a spreadsheet reads them as text, or as a formula
        "-0x1p3|'-0x1p3", "-Infinity|'-Infinity", "+NaN|'+NaN", "-1d|'-1d", "- 1|'- 1", "`-1 `|`'-1 `",
        "-|-", "plain|plain", "``|``",
    })
    void neutralises(String cell, String expected) {
        assertEquals(expected, CsvCells.neutralise(cell));
    }
}
