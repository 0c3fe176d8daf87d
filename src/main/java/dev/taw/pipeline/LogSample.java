// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.analysis.Analysis;
import dev.taw.baseline.Baseline;
import dev.taw.features.FeatureSet;
import dev.taw.geo.CountryFill;
import dev.taw.geo.GeoIp;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TableBytes;
import dev.taw.table.TextColumn;
import java.nio.file.Path;

/**
 * A baseline for a log too big to train on whole: a seeded sample of its source hosts (every row of a chosen host,
 * none of the others, so each host's traits are what the whole log gives it), fitted as {@code train} fits a file.
 */
public final class LogSample {
    private LogSample() { }

    /**
     * The rows of a piece whose source host is in a seeded sample of about {@code share} of the hosts (every row of
     * a chosen host, none of the others), as bytes; null when none is. The same hosts for the same seed, however the
     * log is cut.
     */
    public static byte[] sampleHosts(byte[] piece, double share, long seed) {
        Table t = TableBytes.read(piece);
        TextColumn ip = t.text(Role.SRC_IP).orElse(null);
        dev.taw.table.Growable.Ints keep = new dev.taw.table.Growable.Ints();
        for (int r = 0; r < t.rowCount(); r++) {
            String host = ip == null ? "" : ip.format(r);
            if (chosen(host, share, seed)) keep.add(r);
        }
        int[] rows = keep.toArray();
        return rows.length == 0 ? null : TableBytes.write(t, rows);
    }

    /** A host's place in [0, 1) for this seed, from its address alone (splitmix64 of the address's hash and the seed). */
    static boolean chosen(String host, double share, long seed) {
        long z = (host.hashCode() & 0xFFFFFFFFL) ^ (seed * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < share;
    }

    /**
     * A baseline fitted on a sample of a log (whole hosts, in file order), as {@code train} fits one on a file:
     * every feature, the default forest at {@code seed}, hosts counted within {@code contextWindow} ms (0: the whole
     * log); written whole to {@code model}.
     *
     * @throws IllegalArgumentException when the sample cannot make a baseline (too few rows or hosts, see {@link AnalysisPipeline#saveModel})
     */
    public static Baseline train(Table sample, long seed, long contextWindow, String from, GeoIp geo, Path model) throws java.io.IOException {
        ImportResult imported = new ImportResult(sample, LogParts.report(sample, "sample of " + from));
        if (CountryFill.needed(sample)) imported = new ImportResult(CountryFill.apply(sample, geo).table(), imported.report());
        AnalysisPipeline p = new AnalysisPipeline(() -> geo);
        ForestSettings s = ForestSettings.defaults().withSeed(seed).withContextWindow(contextWindow);
        Analysis a = p.analyze(imported, FeatureSet.all(), s, ProgressListener.NONE, new CancelToken());
        return p.saveModel(a, from, model);
    }
}
