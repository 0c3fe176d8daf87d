// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.HostScores;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.NothingToCompare;
import dev.taw.analysis.RowFilter;
import dev.taw.analysis.RowScores;
import dev.taw.baseline.Baseline;
import dev.taw.baseline.BaselineFile;
import dev.taw.baseline.Baselines;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.features.IpProfile;
import dev.taw.geo.CountryFill;
import dev.taw.geo.GeoIp;
import dev.taw.io.FlowView;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.detect.LogImporter;
import dev.taw.io.flow.Connections;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.model.ForestSettings;
import dev.taw.model.Threshold;
import dev.taw.model.TrainedForest;
import dev.taw.table.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Import a file, then analyse it: the two long jobs, each with progress and cancellation. Rows without a
 * source country get one from the GeoIP database, loaded only when a file needs it.
 */
public final class AnalysisPipeline {
    private final Supplier<GeoIp> geoSource;
    private final FlowView flows;
    private final Baseline baseline;   // null: every run fits its forests on its own file
    private final String baselineName;
    private GeoIp geo;
    private final RunInputs last = new RunInputs();

    /** With the bundled country database. */
    public AnalysisPipeline() {
        this(GeoIp::bundled);
    }

    /** With the analyst's own database (or another source of one). */
    public AnalysisPipeline(Supplier<GeoIp> geoSource) {
        this(geoSource, FlowView.CONNECTIONS);
    }

    private AnalysisPipeline(Supplier<GeoIp> geoSource, FlowView flows) {
        this(geoSource, flows, null, null);
    }

    private AnalysisPipeline(Supplier<GeoIp> geoSource, FlowView flows, Baseline baseline, String baselineName) {
        this.geoSource = geoSource;
        this.flows = flows;
        this.baseline = baseline;
        this.baselineName = baselineName;
    }

    /** The same pipeline showing flow logs as connections (the default) or as records; the country database is shared. */
    public AnalysisPipeline withFlows(FlowView view) {
        return new AnalysisPipeline(this::geo, baseline != null ? baseline.trained().flows() : view, baseline, baselineName);
    }

    /**
     * The same pipeline judging every file by a saved baseline instead of fitting on it: its features, forests and
     * cut-offs, and its view of flow logs (null: back to fitting on each file).
     */
    public AnalysisPipeline withBaseline(Baseline b, String name) {
        return new AnalysisPipeline(this::geo, b != null ? b.trained().flows() : flows, b, b == null ? null : name);
    }

    /** The baseline every run is judged by, or null. */
    public Baseline baseline() { return baseline; }

    /**
     * Reads a model file and checks it whole.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static Baseline loadModel(Path file) {
        return BaselineFile.read(file);
    }

    /**
     * The baseline of a run fitted on known-good traffic, written whole or not at all to {@code model}.
     *
     * @param from the input's name, as the model remembers it
     * @throws IllegalArgumentException when the run cannot make a baseline (see {@link Baselines#of})
     */
    public Baseline saveModel(Analysis trained, String from, Path model) throws IOException {
        if (trained.imported().source() != null) Exports.refuseInput(model, trained.imported().source());
        Baseline b = Baselines.of(trained, from, flows, java.time.Instant.now(), version());
        BaselineFile.write(b, model);
        return b;
    }

    /** The jar's version, as the launcher's Version reads it ("development build" when run from classes): models and alerts name it. */
    public static String version() {
        String v = AnalysisPipeline.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /**
     * With the analyst's own MaxMind database when {@code mmdb} is not null (see {@link #withCountryDatabase}),
     * else with the bundled one: what every command's {@code --geoip} option means.
     */
    public static AnalysisPipeline withCountryDatabaseOrBundled(Path mmdb) {
        return mmdb != null ? withCountryDatabase(mmdb) : new AnalysisPipeline();
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
        last.clear();
        ImportResult r = new LogImporter().read(file, format, progress, cancel).from(file);
        Future<CountryFill.Countries> ahead = null;
        if (flows == FlowView.CONNECTIONS && Connections.applies(r.table())) {
            progress.onProgress("Joining flow records into connections", 0, -1);
            if (CountryFill.needed(r.table())) { // the records' countries beside the join, which holds one core (it keeps their addresses)
                Table records = r.table();
                ahead = Workers.aside("countries", () -> CountryFill.ahead(records, geo()));
            }
            r = Connections.join(r);
        }
        if (!CountryFill.needed(r.table())) return r;
        progress.onProgress("Looking up countries", 0, -1);
        CountryFill.Filled filled = CountryFill.apply(r.table(), geo(), ahead == null ? null : Workers.join(ahead));
        return new ImportResult(filled.table(), r.report().withCountrySource(filled.note(), filled.table().constantColumns()), file);
    }

    private synchronized GeoIp geo() {
        if (geo == null) geo = geoSource.get();
        return geo;
    }

    /**
     * Builds features, fits the forest and scores every row, and beside it the host forest: the hosts need
     * only the per-IP profile, and the row forest's fit leaves a core idle for part of its time.
     */
    public Analysis analyze(ImportResult imported, FeatureSet features, ForestSettings settings, ProgressListener progress, CancelToken cancel) {
        if (baseline != null) {
            return Baselines.score(imported, baseline, baselineName, settings.contamination(), settings.hostContamination(), progress, cancel);
        }
        IpProfile ip = last.profile(imported, settings.contextWindow());
        // the host forest is fitted once the row forest has been: Smile fits one forest at a time in a process, and
        // when the host forest (ψ 2,048, a fifth of a second) took its turn first, the rows' fit (a twentieth) and all
        // the scoring after it waited with a core idle; its features are made meanwhile
        CountDownLatch rowsFitted = new CountDownLatch(1);
        Future<HostScores> hosts = Workers.aside("host-forest", () -> {
            HostScores.prepare(ip);
            rowsFitted.await();
            return HostScores.fit(ip, settings, ProgressListener.NONE, cancel);
        });
        RowScores rows;
        try {
            rows = scoreRows(imported, features, settings, ip, progress, cancel, rowsFitted::countDown);
        } finally {
            rowsFitted.countDown(); // a run that failed before its fit must not hold the host forest back
        }
        progress.onProgress("Scoring hosts", 0, 1);
        return new Analysis(rows, Workers.join(hosts)); // the host forest reads no file
    }

    /** Builds features, fits the row forest and scores every row. */
    public RowScores scoreRows(ImportResult imported, FeatureSet features, ForestSettings settings, ProgressListener progress, CancelToken cancel) {
        return scoreRows(imported, features, settings, last.profile(imported, settings.contextWindow()), progress, cancel, () -> { });
    }

    /** @param fitted told when the forest is fitted, before the rows are scored */
    private RowScores scoreRows(ImportResult imported, FeatureSet features, ForestSettings settings, IpProfile ip, ProgressListener progress,
                                CancelToken cancel, Runnable fitted) {
        progress.onProgress("Building features", 0, 1);
        FeatureMatrix matrix = last.matrix(imported, features, ip);
        cancel.throwIfCancelled();
        NothingToCompare nothing = NothingToCompare.check(imported, matrix);
        if (nothing != null) throw nothing;
        TrainedForest forest = TrainedForest.fit(matrix.matrix(), settings, progress, cancel);
        fitted.run();
        double[] scores = forest.scoreAll(matrix.matrix(), progress, cancel);
        return new RowScores(imported, features, matrix, settings, forest, scores, new Threshold(scores), ip);
    }

    /** A run whose scored CSV (and hosts CSV, when asked for) is written, staged beside its target until the run's other outputs are ready too. */
    public record Scored(Analysis analysis, Investigation investigation, Exports.Pending csv, Exports.Pending hosts) { }

    /**
     * The whole run of the command line: fits and scores the rows and the hosts, then writes the scored CSV
     * of the view (which carries each row's host score) on a thread of its own while the findings are
     * computed and the hosts CSV (when {@code hostsCsv} is not null) is made: the row writer does not keep
     * both cores busy. The outputs are staged, not yet in place: the caller commits them with its other
     * outputs ({@link Exports#commit}). If anything fails, the staged files are removed and the failure is the run's.
     *
     * @param scope how much of the findings to work out: {@link Investigation.Scope#ALL} when a report is made of them
     */
    public Scored analyzeAndWrite(ImportResult imported, FeatureSet features, ForestSettings settings, List<RowFilter> filters, Path csv,
                                  Path hostsCsv, Investigation.Scope scope, ProgressListener progress, CancelToken cancel) throws IOException {
        Analysis analysis = analyze(imported, features, settings, progress, cancel);
        CancelToken stopWriting = new CancelToken();
        Future<Exports.Pending> written = Workers.aside("scored-csv", () -> Exports.stageScoredCsv(analysis, settings.contamination(),
                settings.hostContamination(), filters, csv, ProgressListener.NONE, stopWriting));
        Exports.Pending hosts = null;
        try {
            Investigation inv = Investigation.of(analysis, settings.contamination(), settings.hostContamination(), filters, scope);
            if (hostsCsv != null) hosts = Exports.stageHostsCsv(inv, hostsCsv, cancel);
            return new Scored(analysis, inv, Workers.get(written), hosts);
        } catch (IOException | RuntimeException | Error e) {
            stopWriting.cancel();
            Exports.discard(written);
            if (hosts != null) Exports.discard(List.of(hosts));
            throw e;
        }
    }

    /** The second forest, over what each source IP did across the log; completes the analysis. */
    public Analysis scoreHosts(RowScores rows, ProgressListener progress, CancelToken cancel) {
        HostScores hosts = HostScores.fit(rows.ipProfile(), rows.settings(), progress, cancel);
        return new Analysis(rows, hosts);
    }
}
