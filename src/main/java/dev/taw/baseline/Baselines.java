// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.baseline;

import dev.taw.analysis.Against;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.Formats;
import dev.taw.analysis.HostScores;
import dev.taw.analysis.RowScores;
import dev.taw.features.Feature;
import dev.taw.features.FeatureBuilder;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.features.HostFeatures;
import dev.taw.features.HostKeys;
import dev.taw.features.HostMatrix;
import dev.taw.features.IpProfile;
import dev.taw.io.FlowView;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.FlatForest;
import dev.taw.model.ForestSettings;
import dev.taw.model.Threshold;
import dev.taw.model.TrainedForest;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A baseline made from a run fitted on known-good traffic, and new logs judged by it without a refit. */
public final class Baselines {
    /** Scores a baseline keeps to re-cut at another contamination: exact up to this many rows or hosts. */
    static final int LADDER = 65_536;

    private Baselines() { }

    /**
     * The baseline of a finished run that was fitted on its own file.
     *
     * @throws IllegalArgumentException when the run was itself scored against a baseline, or its forest cannot be
     *                                  saved as arrays (extension level above 0, or a sample size above 4096)
     */
    public static Baseline of(Analysis a, String from, FlowView flows, Instant at, String tool) {
        if (a.against() != null) throw new IllegalArgumentException("this run was scored against a baseline; train on a run fitted on its own data");
        FlatForest rowForest = a.forest().flat();
        if (rowForest == null) throw new IllegalArgumentException("a model keeps classic trees only: train with --extension-level 0 and --sample-size 4096 or less");
        ForestSettings s = a.settings();
        Table t = a.table();
        HostScores hs = a.hostScores();
        FlatForest hostForest = hs == null ? null : hs.forest().flat();
        if (hs != null && hostForest == null) throw new IllegalArgumentException("the host forest cannot be kept as arrays: train with --sample-size 4096 or less");
        long hosts = t.text(Role.SRC_IP).map(ip -> ip.distinctCount() - 1).orElse(0);
        Baseline.Trained trained = new Baseline.Trained(tool, at, from, t.rowCount(), hosts, a.imported().report().format(), flows, columnNames(t), s);
        return new Baseline(trained, new FeatureBuilder().reference(t, a.matrix()), rowForest, a.threshold().ladder(LADDER), a.cutOff(s.contamination()),
                hs == null ? null : HostFeatures.reference(hs.matrix()), hostForest,
                hs == null ? new double[0] : hs.threshold().ladder(LADDER), hs == null ? Double.NaN : hs.cutOff(s.hostContamination()), known(t, hs));
    }

    /**
     * Scores a new log against a baseline: its features, its forests, its cut-offs; nothing is fitted.
     *
     * @param name the model file's name, as the summary and the report show it
     * @throws IllegalArgumentException when the log is of another kind than the baseline's, or lacks a column
     *                                  one of its features needs
     */
    public static Analysis score(ImportResult imported, Baseline b, String name, double contamination, double hostContamination,
                                 ProgressListener progress, CancelToken cancel) {
        Table t = imported.table();
        refuseOtherKind(t, b, imported.report().format());
        progress.onProgress("Building features", 0, 1);
        IpProfile ip = IpProfile.of(t, b.trained().settings().contextWindow()); // counted as the baseline counted its own
        FeatureMatrix m = new FeatureBuilder().build(t, b.rows(), ip);
        cancel.throwIfCancelled();
        TrainedForest forest = new TrainedForest(b.rowForest());
        double[] scores = forest.scoreAll(m.matrix(), progress, cancel);
        ForestSettings trainedWith = b.trained().settings();
        Threshold rows = Threshold.ofBaseline(b.rowLadder(), trainedWith.contamination(), b.rowCutOff());
        ForestSettings s = trainedWith.withContamination(contamination).withHostContamination(hostContamination);
        RowScores rs = new RowScores(imported, new FeatureSet(EnumSet.copyOf(m.features())), m, s, forest, scores, rows, ip);
        HostScores hosts = null;
        HostMatrix hm = null;
        Against.HostHistory history = history(b);
        if (b.hosts() != null && ip != null) {
            progress.onProgress("Scoring hosts", 0, 1);
            hm = HostFeatures.build(ip, b.hosts());
            TrainedForest hostForest = new TrainedForest(b.hostForest());
            hosts = HostScores.against(hm, hostForest, Threshold.ofBaseline(b.hostLadder(), trainedWith.hostContamination(), b.hostCutOff()), history, cancel);
        }
        List<String> drift = Drift.of(b, m, hm, scores, rows.cutOff(contamination), contamination);
        return new Analysis(rs, hosts, new Against(name, b.describe(), drift, history));
    }

    /** A log of another format shares few of the baseline's columns: refuse it in words instead of scoring nonsense. */
    private static void refuseOtherKind(Table t, Baseline b, String format) {
        Set<String> theirs = new HashSet<>(b.trained().columns()), mine = new HashSet<>(columnNames(t));
        Set<String> both = new HashSet<>(mine);
        both.retainAll(theirs);
        Set<String> either = new HashSet<>(mine);
        either.addAll(theirs);
        if (both.size() * 2 < either.size()) {
            throw new IllegalArgumentException("this model was trained on " + b.trained().format() + "; this file is " + format + " and shares only "
                    + both.size() + " of its " + theirs.size() + " columns: train a model on this kind of log (traffic-workbench train)");
        }
    }

    private static List<String> columnNames(Table t) {
        return t.columns().stream().map(Column::name).toList();
    }

    /** What the baseline knew of a host, in words. */
    private static Against.HostHistory history(Baseline b) {
        Baseline.Known k = b.known();
        String records = b.hosts() == null ? "rows" : b.hosts().records();
        return new Against.HostHistory() {
            @Override
            public String of(String address) {
                int i = k.indexOf(address);
                if (i < 0) return "new: not seen in the baseline";
                StringBuilder w = new StringBuilder("in the baseline: ").append(Formats.count(k.rows()[i])).append(' ').append(records);
                if (!Double.isNaN(k.bytesIn()[i])) w.append(", sent ").append(Formats.bytes(k.bytesIn()[i]));
                if (!Double.isNaN(k.bytesOut()[i])) w.append(", received ").append(Formats.bytes(k.bytesOut()[i]));
                if (!Double.isNaN(k.score()[i])) w.append(", host score ").append(Formats.score(k.score()[i]));
                return w.toString();
            }

            @Override
            public double score(String address) {
                int i = k.indexOf(address);
                return i < 0 ? Double.NaN : k.score()[i];
            }
        };
    }

    /** The source hosts of the baseline with their rows and bytes each way, and its countries. */
    private static Baseline.Known known(Table t, HostScores hs) {
        TextColumn ip = t.text(Role.SRC_IP).orElse(null);
        String[] countries = t.text(Role.SRC_IP_COUNTRY_CODE).map(c -> java.util.Arrays.stream(c.dictionary()).filter(x -> !x.isEmpty()).sorted().distinct()
                .toArray(String[]::new)).orElse(new String[0]);
        if (ip == null) return new Baseline.Known(new String[0], new long[0], new double[0], new double[0], new double[0], countries);
        int hosts = ip.distinctCount();
        long[] rows = new long[hosts];
        HostKeys whole = HostKeys.of(ip);
        double[] in = HostFeatures.sumPerHost(t, whole, Role.BYTES_IN), out = HostFeatures.sumPerHost(t, whole, Role.BYTES_OUT);
        double[] best = bestScorePerAddress(hosts, hs);
        for (int r = 0; r < t.rowCount(); r++) rows[ip.code(r)]++;
        Integer[] order = new Integer[hosts];
        for (int h = 0; h < hosts; h++) order[h] = h;
        String[] d = ip.dictionary();
        java.util.Arrays.sort(order, (x, y) -> d[x].compareTo(d[y]));
        List<Integer> kept = new ArrayList<>();
        for (Integer h : order) if (!d[h].isEmpty() && rows[h] > 0 && (kept.isEmpty() || !d[kept.get(kept.size() - 1)].equals(d[h]))) kept.add(h);
        int n = kept.size();
        String[] a = new String[n];
        long[] r = new long[n];
        double[] bi = new double[n], bo = new double[n], sc = new double[n];
        for (int i = 0; i < n; i++) {
            int h = kept.get(i);
            a[i] = d[h];
            sc[i] = best[h];
            r[i] = rows[h];
            bi[i] = in == null ? Double.NaN : in[h];
            bo[i] = out == null ? Double.NaN : out[h];
        }
        return new Baseline.Known(a, r, bi, bo, sc, countries);
    }

    /**
     * Per address code, its host score, or with a context window its highest over its windows (a host that is
     * flagged again on a later day is compared with its worst known day); NaN without a host forest.
     */
    private static double[] bestScorePerAddress(int addresses, HostScores hs) {
        double[] best = new double[addresses];
        java.util.Arrays.fill(best, Double.NaN);
        if (hs == null) return best;
        HostKeys keys = hs.matrix().keys();
        for (int h = 1; h < keys.distinctCount(); h++) {
            int a = keys.addressCode(h);
            if (Double.isNaN(best[a]) || hs.score(h) > best[a]) best[a] = hs.score(h);
        }
        return best;
    }
}
