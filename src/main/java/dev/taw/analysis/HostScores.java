// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.features.HostFeature;
import dev.taw.features.HostMatrix;
import dev.taw.features.IpProfile;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.model.Threshold;
import dev.taw.model.TrainedForest;
import dev.taw.table.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A second forest, over hosts instead of rows: one line per source IP with what it did across the whole
 * log ({@link HostFeature}). A port scan's four hundred near-identical rows hide each other from a row forest;
 * as one host that tried four hundred ports it is alone. The suspicious-IP list is ranked by this score, and
 * each host is explained in the same what-if way as rows.
 */
public final class HostScores {
    /** Fewer hosts than this and a host forest learns nothing about normal: rows alone rank the IPs. */
    public static final int MIN_HOSTS = 50;

    /**
     * Hosts each host tree sees (ψ), whatever the rows' ψ; capped at the host count. A log's hosts are mostly the
     * internet's one-off probes, all alike: in a sample of 256 a lone exfiltration host is absent from most trees,
     * which then score it as they score the busiest client they did see. Measured on the second flow generator
     * (4,232 hosts, seeds 1–3; the seven incidents' ranks among outside hosts): ψ 256 put the exfiltration at
     * 56–77 and an SSH brute force as low as 24; ψ 512 at 41–49; ψ 1024 every incident in the top 11; ψ 2048 the
     * seven incidents are the top seven, every seed.
     */
    public static final int SAMPLE_SIZE = 2048;

    /**
     * ψ for {@code hosts} hosts: half of them, at least the rows' 256 and at most {@link #SAMPLE_SIZE}. Half, not
     * all: a tree that sees every host always sees a small group of attackers together, and no longer isolates
     * them by the one trait they share (the WAF sample's three tool-driven clients lost "from a tool, not a
     * browser" from their reasons at ψ = n).
     */
    static int sampleSize(int hosts) {
        return Math.max(256, Math.min(SAMPLE_SIZE, hosts / 2));
    }

    private final HostMatrix x;
    private final double[] score;       // per host code
    private final TrainedForest forest;
    private final Threshold threshold;  // over the real hosts, codes 1 …
    private final double typicalScore;  // the median host's score: a host at or below it does not stand out
    private final String[] reasons;     // per host code, made on first use: a hosts CSV needs all, a summary ten
    private final Against.HostHistory history; // a baseline's knowledge of each host, or null
    private volatile boolean allExplained;

    private HostScores(HostMatrix x, double[] score, TrainedForest forest, Threshold threshold, Against.HostHistory history) {
        this.x = x;
        this.score = score;
        this.forest = forest;
        this.threshold = threshold;
        this.history = history;
        this.reasons = new String[score.length];
        this.typicalScore = threshold.cutOff(0.5);
    }

    /** Makes the host features {@link #fit} will use (they are kept in the profile), so that they can be made ahead. */
    public static void prepare(IpProfile profile) {
        if (enoughHosts(profile)) profile.hostMatrix();
    }

    private static boolean enoughHosts(IpProfile profile) {
        return profile != null && profile.hosts().distinctCount() - 1 >= MIN_HOSTS;
    }

    /** @return the host scores, or null when the log has no source IP, too few hosts, or no host feature that varies */
    public static HostScores fit(IpProfile profile, ForestSettings s, ProgressListener progress, CancelToken cancel) {
        if (!enoughHosts(profile)) return null;
        HostMatrix x = profile.hostMatrix();
        if (x == null) return null;
        Matrix m = x.fitMatrix();
        cancel.throwIfCancelled();
        progress.onProgress("Scoring hosts", 0, 1);
        TrainedForest forest = TrainedForest.fit(m, s.withSampleSize(sampleSize(m.rows())), ProgressListener.NONE, cancel);
        double[] hostScore = forest.scoreAll(m, ProgressListener.NONE, cancel);
        return new HostScores(x, withEmptyAddress(hostScore), forest, new Threshold(hostScore), null);
    }

    /**
     * The hosts of a new log scored by a baseline's host forest, labelled by its cut-offs, and told apart by what
     * the baseline knew of them ({@code history}). Any number of hosts: the forest is not fitted here.
     *
     * @return the host scores, or null when the log has no source host
     */
    public static HostScores against(HostMatrix x, TrainedForest forest, Threshold baseline, Against.HostHistory history, CancelToken cancel) {
        if (x == null || x.hosts() < 2) return null;
        double[] hostScore = forest.scoreAll(x.fitMatrix(), ProgressListener.NONE, cancel);
        return new HostScores(x, withEmptyAddress(hostScore), forest, baseline, history);
    }

    /** Code 0, the empty address, is never scored. */
    private static double[] withEmptyAddress(double[] hostScore) {
        double[] score = new double[hostScore.length + 1];
        System.arraycopy(hostScore, 0, score, 1, hostScore.length);
        return score;
    }

    /** The forest that scored the hosts (a model keeps it). */
    public TrainedForest forest() { return forest; }

    /** The cut-offs the hosts were labelled by (a model keeps a ladder of them). */
    public Threshold threshold() { return threshold; }

    /** The host score at or above which a host is suspicious, when {@code contamination} of the hosts are flagged. */
    public double cutOff(double contamination) { return threshold.cutOff(contamination); }

    /**
     * A host the clean baseline itself scored this high (a monitoring probe, a backup job, a crawler: unusual but
     * normal here) is not flagged again for doing the same: only when it scores more than this above its own
     * baseline score.
     */
    public static final double KNOWN_MARGIN = 0.01;

    /**
     * -1 suspicious / 1 normal per host code at this contamination (0 for code 0, the empty address, never scored).
     * Against a baseline, a flagged host that scores no higher than it did in the baseline (plus {@link #KNOWN_MARGIN})
     * is normal: the baseline was known to be clean.
     */
    public byte[] labels(double contamination) {
        byte[] l = Threshold.labels(score, cutOff(contamination));
        l[0] = 0;
        if (history != null) {
            String[] address = x.keys().dictionary();
            for (int c = 1; c < l.length; c++) {
                if (l[c] != Threshold.SUSPICIOUS) continue;
                double before = history.score(address[c]);
                if (!Double.isNaN(before) && score[c] <= before + KNOWN_MARGIN) l[c] = Threshold.NORMAL;
            }
        }
        return l;
    }

    /** Scores per host code; callers must not modify the array. */
    public double[] scores() { return score; }

    /** The host score of an IP (by its dictionary code in the source-IP column). */
    public double score(int ipCode) { return score[ipCode]; }

    /** The host features the forest used, by label. */
    public List<String> features() { return x.features().stream().map(HostFeature::label).toList(); }

    public HostMatrix matrix() { return x; }

    /** The host features whose typical value lowers the host's score most, in words. */
    public String explain(int ipCode) {
        if (ipCode == 0) return "";
        String r = reasons[ipCode]; // a race makes the same words twice, never different ones
        if (r == null) reasons[ipCode] = r = standsOut(ipCode) ? words(ipCode, WhatIf.reasons(forest, x.host(ipCode), x.typical())) : TYPICAL;
        return r;
    }

    /** True when the host's reasons are made already ({@link #explain} is then a lookup). */
    boolean explained(int ipCode) {
        return ipCode == 0 || reasons[ipCode] != null;
    }

    /** What a host in the less unusual half is told: a what-if of it would only name noise. */
    public static final String TYPICAL = "a typical host: it scores no higher than the median host";

    /** Above the median host's score: the half of the hosts whose reasons are worth reading. */
    private boolean standsOut(int ipCode) {
        return score[ipCode] > typicalScore;
    }

    /**
     * Every host's reasons, computed once, in batches through the forest (the same words {@link #explain}
     * gives one by one), and kept: they depend on the hosts alone, not on the view or the contamination.
     * After this, {@link #explain} of any host is a lookup.
     */
    public synchronized void explainAll() {
        if (allExplained) return;
        int[] asked = java.util.stream.IntStream.range(1, reasons.length).filter(c -> reasons[c] == null && standsOut(c)).toArray();
        List<WhatIf.Drop>[] drops = WhatIf.reasons(forest, x.columns(), asked, x.typical());
        java.util.stream.IntStream.range(1, reasons.length).parallel().forEach(c -> {
            if (reasons[c] == null) reasons[c] = drops[c] != null ? words(c, drops[c]) : TYPICAL;
        });
        allExplained = true;
    }

    private String words(int ipCode, List<WhatIf.Drop> drops) {
        List<String> words = new ArrayList<>();
        for (WhatIf.Drop d : drops) words.add(words(x.features().get(d.feature()), x.columns()[d.feature()][ipCode], x.typical()[d.feature()]));
        String said = words.isEmpty() ? "no single trait stands out" : String.join("; ", words);
        return history == null ? said : said + "; " + history.of(x.keys().dictionary()[ipCode]);
    }

    /**
     * One trait in words. Joined, not formatted: a hosts list says this for tens of thousands of hosts, and
     * {@code String.format} made the words cost as much as the what-ifs behind them.
     */
    private String words(HostFeature f, double v, double typ) {
        String records = x.records();
        return switch (f) {
            case RECORDS -> Math.round(Math.exp(v)) + " " + records + " (typical host: " + Math.round(Math.exp(typ)) + ")";
            case PORTS -> "tried " + Math.round(Math.expm1(v)) + " ports (typical " + Math.round(Math.expm1(typ)) + ")";
            case HOSTS -> "reached " + Math.round(Math.expm1(v)) + " host(s) (typical " + Math.round(Math.expm1(typ)) + ")";
            case DENIED -> Formats.percent(v) + " of its traffic denied (typical " + Formats.percent(typ) + ")";
            case SYN_ONLY -> Formats.percent(v) + " SYN-only flows (typical " + Formats.percent(typ) + ")";
            case BYTES_IN -> "sent us " + Formats.bytes(Math.expm1(v)) + " (typical " + Formats.bytes(Math.expm1(typ)) + ")";
            case BYTES_OUT -> "received " + Formats.bytes(Math.expm1(v)) + " from us (typical " + Formats.bytes(Math.expm1(typ)) + ")";
            case PER_RECORD -> Formats.bytes(Math.expm1(v)) + " per " + records.substring(0, records.length() - 1) + " (typical "
                    + Formats.bytes(Math.expm1(typ)) + ")";
            case STATUS_4XX -> Formats.percent(v) + " of its requests refused or not found (4xx; typical " + Formats.percent(typ) + ")";
            case STATUS_5XX -> Formats.percent(v) + " of its requests ended in server errors (5xx; typical " + Formats.percent(typ) + ")";
            case PATHS -> "asked for " + Math.round(Math.expm1(v)) + " distinct paths (typical " + Math.round(Math.expm1(typ)) + ")";
            case TOOL_AGENT -> Formats.percent(v) + " of its requests from a tool, not a browser (typical " + Formats.percent(typ) + ")";
            case REGULARITY -> String.format(Locale.ROOT, "%s timing (regularity %.2f, typical %.2f)", v > typ ? "clockwork" : "irregular", v, typ);
        };
    }
}
