// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.features.FeatureBuilder;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.io.CsvImporter;
import dev.taw.io.ImportResult;
import dev.taw.model.ForestSettings;
import dev.taw.model.TrainedForest;
import java.nio.file.Path;

/** Import a file, then analyse it: the two long jobs, each with progress and cancellation. */
public final class AnalysisPipeline {

    public ImportResult importFile(Path file, ProgressListener progress, CancelToken cancel) {
        return new CsvImporter().read(file, progress, cancel);
    }

    /** Builds features, fits the forest and scores every row. */
    public Analysis analyze(ImportResult imported, FeatureSet features, ForestSettings settings, ProgressListener progress, CancelToken cancel) {
        progress.onProgress("Building features", 0, 1);
        FeatureMatrix matrix = new FeatureBuilder().build(imported.table(), features);
        cancel.throwIfCancelled();
        TrainedForest forest = TrainedForest.fit(matrix, settings, progress, cancel);
        double[] scores = forest.scoreAll(matrix, progress, cancel);
        return new Analysis(imported, features, matrix, settings, forest, scores);
    }
}
