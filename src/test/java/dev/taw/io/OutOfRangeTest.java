// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.io.detect.LogImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One absurd value costs its own line, with its reason: never the file, never a stack trace, never a chart of billions of buckets. */
class OutOfRangeTest {
    @TempDir
    Path tmp;

    private ImportResult read(String name, List<String> lines) throws IOException {
        return read(name, lines, LogFormat.AUTO);
    }

    private ImportResult read(String name, List<String> lines, LogFormat format) throws IOException {
        Path f = Files.write(tmp.resolve(name), lines);
        return new LogImporter().read(f, format, ProgressListener.NONE, CancelToken.NEVER);
    }

    private static String reasons(ImportResult r) {
        return r.report().issues().stream().map(i -> i.reason() + " " + i.detail()).toList().toString();
    }

    @Test
    void timestampsOutsideTheYearsALogCanHoldAreSkipped() {
        assertEquals(1_714_086_000_000L, Timestamps.parseMillis("2024-04-25T23:00:00Z"));
        for (String bad : List.of("+999999999-12-31T23:59:59Z", "1000-01-01T00:00:00Z", "2300-01-01T00:00:00Z", "99999999999999", "-5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timestamps.parseMillis(bad), bad);
            assertEquals(Timestamps.RANGE, e.getMessage(), bad);
        }
    }

    @Test
    void aCsvRowWithAYearPastTheRangeOrANegativeByteCountIsOneSkippedLine() throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(TestData.seed()));
        lines.set(2, lines.get(2).replaceFirst("2024-04-25T23:00:00Z", "+999999999-12-31T23:59:59Z"));
        lines.set(3, lines.get(3).replaceFirst("^\\d+", "-5"));
        ImportResult r = read("export.csv", lines);
        assertEquals(280, r.table().rowCount());
        assertEquals(2, r.report().skippedCount(), reasons(r));
        assertTrue(reasons(r).contains("OUT_OF_RANGE \"-5\" is a negative count"), reasons(r));
    }

    @Test
    void flowRecordsWithAStartOfTenToTheEighteenOrPortSeventyThousandAreSkipped() throws IOException {
        String header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
        ImportResult r = read("flows.log", List.of(header,
                "2 111122223333 eni-0a1b2c3d 203.0.113.45 10.0.1.20 51544 443 6 12 4380 1714086000 1714086060 ACCEPT OK",
                "2 111122223333 eni-0a1b2c3d 203.0.113.45 10.0.1.20 51544 443 6 12 4380 1000000000000000000 1714086060 ACCEPT OK",
                "2 111122223333 eni-0a1b2c3d 203.0.113.45 10.0.1.20 51544 70000 6 12 4380 1714086000 1714086060 ACCEPT OK",
                "2 111122223333 eni-0a1b2c3d 203.0.113.45 10.0.1.20 51544 443 6 12 100000000000000000000 1714086000 1714086060 ACCEPT OK"));
        assertEquals(1, r.table().rowCount());
        assertEquals(4, r.report().rowsRead());
        assertEquals(3, r.report().skippedCount(), reasons(r));
        assertTrue(reasons(r).contains("'start' = \"1000000000000000000\" is outside the years 1990–2199"), reasons(r));
        assertTrue(reasons(r).contains("not a port (0 to 65535)"), reasons(r));
        assertTrue(reasons(r).contains("more than 2^50, not a count"), reasons(r));
    }

    @Test
    void wafTimestampsAtTheEndsOfALongAreSkippedAndEveryRecordIsCountedOnce() throws IOException {
        String ok = "{\"timestamp\":1714086000000,\"action\":\"ALLOW\",\"httpRequest\":{\"clientIp\":\"203.0.113.9\",\"uri\":\"/\"}}";
        ImportResult r = read("waf.log", List.of(ok,
                ok.replace("1714086000000", String.valueOf(Long.MAX_VALUE)),
                ok.replace("1714086000000", String.valueOf(Long.MIN_VALUE)),
                "{\"timestamp\": 1714086000000, \"action\": ",
                ok), LogFormat.WAF);
        assertEquals(2, r.table().rowCount());
        assertEquals(5, r.report().rowsRead(), "read = imported + skipped: " + r.report());
        assertEquals(3, r.report().skippedCount(), reasons(r));
    }

    @Test
    void aCloudFrontTimeTakenOfTenToTheThreeHundredIsSkipped() throws IOException {
        String fields = "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query"
                + " cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken";
        String row = "2024-04-25\t23:05:40\tFRA56-P3\t429\t203.0.113.9\tGET\td1.cloudfront.net\t/\t200\t-\tcurl/8\t-\t-\tHit\tid1\td1\thttps\t100\t0.5";
        ImportResult r = read("cf.log", List.of("#Version: 1.0", fields, row, row.replace("\t0.5", "\t1e308"), row.replace("2024-04-25", "2999-04-25")));
        assertEquals(1, r.table().rowCount(), reasons(r));
        assertTrue(reasons(r).contains("not a duration (0 to 86,400 s)"), reasons(r));
        assertTrue(reasons(r).contains("outside the years 1990–2199"), reasons(r));
    }
}
