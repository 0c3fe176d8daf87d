// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.HostScores;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.RowFilter;
import dev.taw.analysis.RowScores;
import dev.taw.features.FeatureBuilder;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.features.IpProfile;
import dev.taw.geo.CountryFill;
import dev.taw.geo.GeoIp;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.detect.LogImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.model.ForestSettings;
import dev.taw.model.Threshold;
import dev.taw.model.TrainedForest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
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

    /**
     * With the analyst's own MaxMind database, opened now so that a wrong path fails before any work.
     *
     * @throws IllegalArgumentException when the file is not a readable MaxMind database
     */
    public static AnalysisPipeline withCountryDatabase(Path mmdb) {
        GeoIp geo = GeoIp.open(mmdb);
        return new AnalysisPipeline(() -> geo);
    }

    /** Imports a log, its format detected from the content. */
    public ImportResult importFile(Path file, ProgressListener progress, CancelToken cancel) {
        return importFile(file, LogFormat.AUTO, progress, cancel);
    }

    public ImportResult importFile(Path file, LogFormat format, ProgressListener progress, CancelToken cancel) {
        ImportResult r = new LogImporter().read(file, format, progress, cancel).from(file);
        if (!CountryFill.needed(r.table())) return r;
        progress.onProgress("Looking up countries", 0, -1);
        CountryFill.Filled filled = CountryFill.apply(r.table(), geo());
        return new ImportResult(filled.table(), r.report().withCountrySource(filled.note(), filled.table().constantColumns()), file);
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
        IpProfile ip = IpProfile.of(imported.table());
        FeatureMatrix matrix = new FeatureBuilder().build(imported.table(), features, ip);
        cancel.throwIfCancelled();
        TrainedForest forest = TrainedForest.fit(matrix.matrix(), settings, progress, cancel);
        double[] scores = forest.scoreAll(matrix.matrix(), progress, cancel);
        return new RowScores(imported, features, matrix, settings, forest, scores, new Threshold(scores), ip);
    }

    /** A run whose scored CSV is written, staged beside its target until the run's other outputs are ready too. */
    public record Scored(Analysis analysis, Investigation investigation, Exports.Pending csv) { }

    /**
     * The whole run of the command line: fits and scores the rows, then writes the scored CSV of the view on a
     * thread of its own while the host forest and the findings run (the writer does not keep both cores busy;
     * together they finish about a third of a second sooner). The CSV is staged, not yet in place: the caller
     * commits it with its other outputs ({@link Exports#commit}). If anything fails, the staged CSV is removed
     * and the failure is the run's.
     */
    public Scored analyzeAndWrite(ImportResult imported, FeatureSet features, ForestSettings settings, List<RowFilter> filters, Path csv,
                                  ProgressListener progress, CancelToken cancel) throws IOException {
        RowScores rows = scoreRows(imported, features, settings, progress, cancel);
        double contamination = settings.contamination();
        CancelToken stopWriting = new CancelToken();
        Future<Exports.Pending> written = Workers.aside("scored-csv",
                () -> Exports.stageScoredCsv(rows, contamination, filters, csv, ProgressListener.NONE, stopWriting));
        try {
            Analysis analysis = scoreHosts(rows, progress, cancel);
            Investigation inv = Investigation.of(analysis, contamination, filters);
            return new Scored(analysis, inv, Workers.get(written));
        } catch (IOException | RuntimeException | Error e) {
            stopWriting.cancel();
            Exports.discard(written);
            throw e;
        }
    }

    /** The second forest, over what each source IP did across the log; completes the analysis. */
    public Analysis scoreHosts(RowScores rows, ProgressListener progress, CancelToken cancel) {
        HostScores hosts = HostScores.fit(rows.ipProfile(), rows.settings(), progress, cancel);
        return new Analysis(rows, hosts);
    }
}
