// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detector is correct if it scores the labelled ODDS benchmarks as well as published Isolation
 * Forests do (Liu, Ting and Zhou 2008, Table 3: 100 trees, ψ = 256). The mean over five seeds must be
 * within 0.03 of the published AUC or better.
 */
class BenchmarkAucTest {

    @ParameterizedTest(name = "{0}: published AUC {1}")
    @CsvSource({"http.csv, 1.00", "forestcover.csv, 0.88", "shuttle.csv, 1.00", "mammography.csv, 0.86"})
    void aucIsWithinThreeHundredthsOfThePublishedFigure(String file, double published) throws IOException {
        Matrices.Labelled data = Matrices.benchmark(TestData.shared().resolve("benchmarks").resolve(file));
        double sum = 0;
        int seeds = 5;
        StringBuilder each = new StringBuilder();
        for (int seed = 1; seed <= seeds; seed++) {
            ForestSettings s = ForestSettings.defaults().withSeed(seed);
            TrainedForest f = TrainedForest.fit(data.x().matrix(), s, ProgressListener.NONE, CancelToken.NEVER);
            double auc = Matrices.auc(f.scoreAll(data.x().matrix(), ProgressListener.NONE, CancelToken.NEVER), data.outlier());
            sum += auc;
            each.append(String.format(" %.4f", auc));
        }
        double mean = sum / seeds;
        System.out.printf("%s: mean AUC %.4f over seeds 1-5 (%s), published %.2f%n", file, mean, each.toString().strip(), published);
        assertTrue(mean >= published - 0.03, file + ": mean AUC " + mean + " vs published " + published + " (" + each + ")");
    }
}
