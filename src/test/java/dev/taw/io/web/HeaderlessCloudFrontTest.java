// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportException;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CloudFront lines without their #Fields line (older distributions, copies) are read in AWS's default field order. */
class HeaderlessCloudFrontTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} fields")
    @ValueSource(ints = {23, 24, 33})
    void linesInTheDefaultOrderAreReadWithoutTheirHeader(int fields) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "cloudfront-sample.log")).stream().filter(l -> !l.startsWith("#"))
                .map(l -> String.join("\t", Arrays.copyOf(l.split("\t", -1), fields))).toList();
        Path headerless = Files.write(tmp.resolve("cf.log"), lines);
        ImportResult r = TestData.importLog(headerless);
        assertEquals(lines.size(), r.table().rowCount());
        assertEquals(0, r.report().skippedCount());
        assertTrue(r.report().format().contains("no #Fields line: AWS's default order, " + fields + " fields"), r.report().format());
        assertEquals(fields > 23, r.table().column("cs-protocol-version").map(c -> c.format(0).startsWith("HTTP/")).orElse(false), "field 24 where it belongs");
        if (fields == 33) { // the whole default order: the same analysis as the file with its header, to the bit
            AnalysisPipeline p = new AnalysisPipeline();
            double[] with = p.analyze(p.importFile(Path.of("sample-data", "cloudfront-sample.log"), ProgressListener.NONE, CancelToken.NEVER),
                    FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER).scores();
            double[] without = p.analyze(p.importFile(headerless, ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(), ForestSettings.defaults(),
                    ProgressListener.NONE, CancelToken.NEVER).scores();
            assertArrayEquals(with, without);
        }
    }

    @ParameterizedTest(name = "{0} fields")
    @ValueSource(ints = {12})
    void tooFewFieldsAreNotTakenForCloudFront(int fields) throws Exception {
        String line = Files.readAllLines(Path.of("sample-data", "cloudfront-sample.log")).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        Path f = Files.writeString(tmp.resolve("short.log"), String.join("\t", Arrays.copyOf(line.split("\t", -1), fields)) + "\n");
        assertThrows(ImportException.class, () -> TestData.importLog(f));
    }
}
