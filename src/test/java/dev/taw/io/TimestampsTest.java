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

    @org.junit.jupiter.api.Test
    void theMicrosecondsBelowTheMillisecondAreReadForTheTextWrittenBack() {
        org.junit.jupiter.api.Assertions.assertEquals(641, Timestamps.subMillisMicros("2018-07-02T22:23:00.186641Z"));
        org.junit.jupiter.api.Assertions.assertEquals(0, Timestamps.subMillisMicros("2018-07-02T22:22:48.364000Z"));
        org.junit.jupiter.api.Assertions.assertEquals(0, Timestamps.subMillisMicros("2018-07-02T22:22:48.364Z"));
        org.junit.jupiter.api.Assertions.assertEquals(0, Timestamps.subMillisMicros("2018-07-02T22:22:48Z"));
        org.junit.jupiter.api.Assertions.assertEquals(500, Timestamps.subMillisMicros("2018-07-02T22:22:48.3645Z"), "five digits: 364.50 ms");
        org.junit.jupiter.api.Assertions.assertEquals(641, Timestamps.subMillisMicros("2018-07-02T22:23:00.186641999Z"), "nanoseconds: cut to microseconds");
        dev.taw.table.TimeColumn.Builder b = new dev.taw.table.TimeColumn.Builder("time");
        b.add(Timestamps.parseMillis("2018-07-02T22:23:00.186641Z"), 641);
        b.add(Timestamps.parseMillis("2018-07-02T22:23:01Z"), 0);
        dev.taw.table.TimeColumn c = b.build();
        org.junit.jupiter.api.Assertions.assertEquals("2018-07-02T22:23:00.186641Z", c.format(0));
        org.junit.jupiter.api.Assertions.assertEquals("2018-07-02T22:23:01Z", c.format(1));
        org.junit.jupiter.api.Assertions.assertEquals(1530570180186L, c.get(0), "features read the milliseconds, as before");
    }

    @org.junit.jupiter.api.Test
    void aCsvExportsMicrosecondsAreKeptForTheTextToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(java.nio.file.Path.of("sample-data", "web-traffic-sample.csv")));
        lines.set(1, lines.get(1).replaceFirst("2024-04-25T23:00:00Z", "2024-04-25T23:00:00.123456Z"));
        java.nio.file.Path f = java.nio.file.Files.write(tmp.resolve("micro.csv"), lines);
        dev.taw.table.Table t = new dev.taw.io.detect.LogImporter().read(f, LogFormat.AUTO, dev.taw.job.ProgressListener.NONE, dev.taw.job.CancelToken.NEVER).table();
        org.junit.jupiter.api.Assertions.assertEquals("2024-04-25T23:00:00.123456Z", t.column("creation_time").orElseThrow().format(0));
        org.junit.jupiter.api.Assertions.assertEquals(lines.get(2).split(",")[2], t.column("creation_time").orElseThrow().format(1), "the next row as written");
    }
}
