// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.analysis.RowScores;

import dev.taw.analysis.Analysis;

import dev.taw.job.ProgressListener;

import dev.taw.job.CancelToken;

import dev.taw.analysis.HostScores;
import dev.taw.features.FeatureBuilder;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.io.detect.LogImporter;
import dev.taw.io.ImportResult;
import dev.taw.model.ForestSettings;
import dev.taw.model.Threshold;
import dev.taw.model.TrainedForest;
import dev.taw.geo.CountryFill;
import dev.taw.geo.GeoIp;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Import a file, then analyse it: the two long jobs, each with progress and cancellation. Rows without a
 * source country get one from the GeoIP database, loaded only when a file needs it.
 */
public final class AnalysisPipeline {
    private final Supplier<GeoIp> geoSource;
    private GeoIp geo;

    /** With the bundled country database. */
    public AnalysisPipeline() {
        this(GeoIp::bundled);
    }

    /** With the analyst's own database (or another source of one). */
    public AnalysisPipeline(Supplier<GeoIp> geoSource) {
        this.geoSource = geoSource;
    }

    /** Imports a log, its format detected from the content. */
    public ImportResult importFile(Path file, ProgressListener progress, CancelToken cancel) {
        return importFile(file, LogImporter.Format.AUTO, progress, cancel);
    }

    public ImportResult importFile(Path file, LogImporter.Format format, ProgressListener progress, CancelToken cancel) {
        ImportResult r = new LogImporter().read(file, format, progress, cancel);
        if (!CountryFill.needed(r.table())) return r;
        progress.onProgress("Looking up countries", 0, -1);
        CountryFill.Filled filled = CountryFill.apply(r.table(), geo());
        return new ImportResult(filled.table(), r.report().withCountrySource(filled.note(), filled.table().constantColumns()));
    }

    private synchronized GeoIp geo() {
        if (geo == null) geo = geoSource.get();
        return geo;
    }

    /** Builds features, fits the forest, scores every row, then scores the hosts. */
    public Analysis analyze(ImportResult imported, FeatureSet features, ForestSettings settings, ProgressListener progress, CancelToken cancel) {
        return scoreHosts(scoreRows(imported, features, settings, progress, cancel), progress, cancel);
    }

    /** Builds features, fits the row forest and scores every row. */
    public RowScores scoreRows(ImportResult imported, FeatureSet features, ForestSettings settings, ProgressListener progress, CancelToken cancel) {
        progress.onProgress("Building features", 0, 1);
        FeatureMatrix matrix = new FeatureBuilder().build(imported.table(), features);
        cancel.throwIfCancelled();
        TrainedForest forest = TrainedForest.fit(matrix.matrix(), settings, progress, cancel);
        double[] scores = forest.scoreAll(matrix.matrix(), progress, cancel);
        return new RowScores(imported, features, matrix, settings, forest, scores, new Threshold(scores));
    }

    /** The second forest, over what each source IP did across the log; completes the analysis. */
    public Analysis scoreHosts(RowScores rows, ProgressListener progress, CancelToken cancel) {
        HostScores hosts = HostScores.fit(rows.imported().table(), rows.settings(), progress, cancel);
        return new Analysis(rows, hosts);
    }
}
