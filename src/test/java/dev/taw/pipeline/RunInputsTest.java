// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import dev.taw.bench.FlowBench;
import dev.taw.analysis.Analysis;
import dev.taw.features.Feature;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second Run on the same rows reuses the features it may, and scores exactly as a run from scratch. */
class RunInputsTest {
    private static final ForestSettings S = ForestSettings.defaults();

    @TempDir
    static Path dir;
    private static Path log;

    /** VPC flow records from enough outside hosts for a host forest. */
    @BeforeAll
    static void writeLog() throws IOException {
        log = dir.resolve("flows.log.gz");
        FlowBench.write(log, 20_000, 3);
    }

    @Test
    void anotherSeedReusesTheFeaturesAndScoresAsAFreshPipeline() {
        AnalysisPipeline window = new AnalysisPipeline();
        ImportResult imported = window.importFile(log, ProgressListener.NONE, CancelToken.NEVER);
        Analysis first = run(window, imported, FeatureSet.all(), S);
        Analysis again = run(window, imported, FeatureSet.all(), S.withSeed(7).withTrees(60));
        assertSame(first.matrix(), again.matrix(), "same rows, features and context window: the matrix is not built again");
        assertSame(first.ipProfile(), again.ipProfile());
        assertFresh(again, FeatureSet.all(), S.withSeed(7).withTrees(60));
    }

    @Test
    void otherFeaturesAContextWindowOrANewImportBuildAgain() {
        AnalysisPipeline window = new AnalysisPipeline();
        ImportResult imported = window.importFile(log, ProgressListener.NONE, CancelToken.NEVER);
        Analysis first = run(window, imported, FeatureSet.all(), S);
        FeatureSet fewer = FeatureSet.all().with(Feature.BYTES_IN, false);
        Analysis otherFeatures = run(window, imported, fewer, S);
        assertNotSame(first.matrix(), otherFeatures.matrix());
        assertFresh(otherFeatures, fewer, S);
        Analysis otherWindow = run(window, imported, fewer, S.withContextWindow(60_000));
        assertNotSame(otherFeatures.ipProfile(), otherWindow.ipProfile());
        assertFresh(otherWindow, fewer, S.withContextWindow(60_000));
        ImportResult reopened = window.importFile(log, ProgressListener.NONE, CancelToken.NEVER);
        Analysis afterReopen = run(window, reopened, fewer, S.withContextWindow(60_000));
        assertNotSame(otherWindow.matrix(), afterReopen.matrix());
        assertArrayEquals(otherWindow.scores(), afterReopen.scores());
    }

    private static Analysis run(AnalysisPipeline p, ImportResult imported, FeatureSet f, ForestSettings s) {
        return p.analyze(imported, f, s, ProgressListener.NONE, CancelToken.NEVER);
    }

    /** Bit for bit what a new pipeline gives on a new import of the same file. */
    private static void assertFresh(Analysis got, FeatureSet f, ForestSettings s) {
        AnalysisPipeline fresh = new AnalysisPipeline();
        Analysis want = run(fresh, fresh.importFile(log, ProgressListener.NONE, CancelToken.NEVER), f, s);
        assertArrayEquals(want.scores(), got.scores());
        assertNotNull(got.hostScores(), "a host forest ran");
        assertArrayEquals(want.hostScores().scores(), got.hostScores().scores());
    }
}
