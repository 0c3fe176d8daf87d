// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.io.ImportException;
import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.detect.LogImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every importer on inputs a fuzzer makes: whatever the bytes, an import ends with a table or one ImportException
 * (never another exception, never a hang), and its counts add up: records read = imported + skipped (+ NODATA and
 * SKIPDATA for flow logs). In a normal build each target replays its corpus under
 * {@code src/test/resources/dev/taw/fuzz/ImporterFuzzTestInputs/}; {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=ImporterFuzzTest#vpc}
 * fuzzes one target for as long as its {@code maxDuration} (see the README).
 */
class ImporterFuzzTest {
    private static final Pattern NODATA = Pattern.compile("([\\d,]+) NODATA and ([\\d,]+) SKIPDATA");

    private static void check(byte[] bytes, LogFormat format, String suffix) throws IOException {
        Path f = Files.createTempFile("fuzz", suffix);
        try {
            Files.write(f, bytes);
            ImportResult r;
            try {
                r = new LogImporter().read(f, format, ProgressListener.NONE, CancelToken.NEVER);
            } catch (ImportException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal says why");
                return;
            }
            ImportReport rep = r.report();
            long noData = 0;
            for (String w : rep.warnings()) {
                Matcher m = NODATA.matcher(w);
                if (m.find()) noData = Long.parseLong(m.group(1).replace(",", "")) + Long.parseLong(m.group(2).replace(",", ""));
            }
            assertEquals(rep.rowsRead(), rep.rowsImported() + rep.skippedCount() + noData, "read = imported + skipped (+ NODATA): " + rep);
            assertEquals(rep.rowsImported(), r.table().rowCount());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** A format's header, then what the fuzzer makes: the mutations go to the records, not to finding the format. */
    private static byte[] afterHeader(String header, FuzzedDataProvider data) {
        return (header + data.consumeRemainingAsString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "10m")
    void csv(FuzzedDataProvider data) throws IOException {
        check(afterHeader("bytes_in,bytes_out,src_ip,creation_time\n", data), LogFormat.CSV, ".csv");
    }

    @FuzzTest(maxDuration = "10m")
    void vpc(FuzzedDataProvider data) throws IOException {
        check(afterHeader("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n", data), LogFormat.VPC, ".log");
    }

    @FuzzTest(maxDuration = "10m")
    void alb(FuzzedDataProvider data) throws IOException {
        check(data.consumeRemainingAsBytes(), LogFormat.ALB, ".log");
    }

    @FuzzTest(maxDuration = "10m")
    void waf(FuzzedDataProvider data) throws IOException {
        check(data.consumeRemainingAsBytes(), LogFormat.WAF, ".log");
    }

    @FuzzTest(maxDuration = "10m")
    void cloudfront(FuzzedDataProvider data) throws IOException {
        check(afterHeader("#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(User-Agent) time-taken\n", data), LogFormat.CLOUDFRONT, ".log");
    }

    @FuzzTest(maxDuration = "10m")
    void anyFormat(FuzzedDataProvider data) throws IOException {
        check(data.consumeRemainingAsBytes(), LogFormat.AUTO, ".dat");
    }
}
