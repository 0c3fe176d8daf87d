// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;


import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.features.IpProfile;
import dev.taw.io.ImportResult;
import dev.taw.model.ForestSettings;
import dev.taw.model.Threshold;
import dev.taw.model.TrainedForest;
import dev.taw.table.Table;
import java.util.BitSet;
import java.util.List;

/**
 * A finished run: the imported table, the features, the fitted forest and every row's score. Immutable;
 * contamination is applied on demand ({@link #labels}), so moving the slider never refits.
 */
public final class Analysis {
    private final ImportResult imported;
    private final FeatureSet featureSet;
    private final FeatureMatrix matrix;
    private final ForestSettings settings;
    private final TrainedForest forest;
    private final double[] scores;
    private final Threshold threshold;
    private final HostScores hostScores;
    private final IpProfile ipProfile;
    private final Against against;
    private volatile Explainer explainer;

    public Analysis(RowScores rows, HostScores hostScores) {
        this(rows, hostScores, null);
    }

    /** @param against the baseline the rows and hosts were scored by, or null when the forests were fitted on this file */
    public Analysis(RowScores rows, HostScores hostScores, Against against) {
        this.imported = rows.imported();
        this.featureSet = rows.featureSet();
        this.matrix = rows.matrix();
        this.settings = rows.settings();
        this.forest = rows.forest();
        this.scores = rows.scores();
        this.threshold = rows.threshold();
        this.hostScores = hostScores;
        this.ipProfile = rows.ipProfile();
        this.against = against;
    }

    /** The baseline this run was judged against, or null when it was fitted on its own file. */
    public Against against() { return against; }

    public ImportResult imported() { return imported; }
    public Table table() { return imported.table(); }
    public FeatureSet featureSet() { return featureSet; }
    public FeatureMatrix matrix() { return matrix; }
    public ForestSettings settings() { return settings; }
    public TrainedForest forest() { return forest; }

    /** Scores in row order; callers must not modify the array. */
    public double[] scores() { return scores; }

    /** The host-level forest's scores, or null when the log has too few hosts for one. */
    public HostScores hostScores() { return hostScores; }

    /** Why a source host stands out, in words; empty where no host forest ran. */
    public String explainHost(IpStat host) {
        return hostScores == null ? "" : hostScores.explain(host.code());
    }

    public double cutOff(double contamination) { return threshold.cutOff(contamination); }

    /** The row scores' cut-offs (a model keeps a ladder of them). */
    public Threshold threshold() { return threshold; }

    /** What each source IP did, or null when the log has no source IP. */
    public IpProfile ipProfile() { return ipProfile; }

    /** True when a host is an address within a context window (a window was set and the log has a time). */
    public boolean windowedHosts() { return ipProfile != null && ipProfile.hosts().windowed(); }

    /** -1 suspicious / 1 normal per row at this contamination. */
    public byte[] labels(double contamination) {
        return Threshold.labels(scores, threshold.cutOff(contamination));
    }

    /** Findings for the rows passing every filter (all rows when the list is empty). */
    public Findings findings(double contamination, List<RowFilter> filters) {
        return Investigation.of(this, contamination, filters).findings();
    }

    public BitSet view(byte[] labels, List<RowFilter> filters) {
        return RowFilter.view(table(), labels, filters);
    }

    public Explanation explain(int row) {
        Explainer e = explainer;
        if (e == null) explainer = e = new Explainer(table(), matrix, forest, ipProfile, against != null);
        return e.explain(row);
    }

    /** The {@code k} highest-scoring rows among {@code view} (all rows when null), highest first, ties in file order. */
    public List<Integer> topRows(int k, BitSet view) {
        BitSet rows = view;
        if (rows == null) {
            rows = new BitSet(scores.length);
            rows.set(0, scores.length);
        }
        int[] ranked = Investigation.byScore(scores, RowsInView.of(rows));
        return java.util.Arrays.stream(ranked, 0, Math.min(k, ranked.length)).boxed().toList();
    }
}
