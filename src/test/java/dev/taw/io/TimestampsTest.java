// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-04-25T23:00:00Z|2024-04-25T23:00:00Z",
        "2024-04-25T23:00:00.5Z|2024-04-25T23:00:00.500Z",
        "2024-04-25T23:00:00.123456Z|2024-04-25T23:00:00.123Z",
        "2024-04-26T01:00:00+02:00|2024-04-25T23:00:00Z",
        "2024-04-25T18:00:00-05:00|2024-04-25T23:00:00Z",
        "2024-04-25 23:00:00|2024-04-25T23:00:00Z",
        "2024-04-25T23:00:00|2024-04-25T23:00:00Z",
        "1714086000|2024-04-25T23:00:00Z",
        "1714086000000|2024-04-25T23:00:00Z",
        "1714086000.25|2024-04-25T23:00:00.250Z",
        "2024-02-29T12:00:00Z|2024-02-29T12:00:00Z",
    })
    void parsesTheFormsExportsUse(String text, String expected) {
        assertEquals(Instant.parse(expected).toEpochMilli(), Timestamps.parseMillis(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-25T25:00:00Z", "12:00"})
    void rejectsWhatIsNotATime(String text) {
        assertThrows(RuntimeException.class, () -> Timestamps.parseMillis(text));
    }
}
