// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.features.Feature;
import dev.taw.features.FeatureBuilder;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.features.HostFeature;
import dev.taw.features.HostFeatures;
import dev.taw.features.HostMatrix;
import dev.taw.features.IpProfile;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.model.TrainedForest;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reasons in words, for rows and for hosts, on a log with one obvious outlier of each kind. */
class ExplainerTest {
    /** 200 ordinary rows from 60 clients (bytes around 10 kB, irregular times), one 5 MB upload, one beaconing host. */
    private static Table log() {
        SplittableRandom rnd = new SplittableRandom(5);
        TextColumn.Builder ip = new TextColumn.Builder("src_ip");
        NumberColumn.Builder in = new NumberColumn.Builder("bytes_in"), out = new NumberColumn.Builder("bytes_out");
        TimeColumn.Builder time = new TimeColumn.Builder("time");
        for (int r = 0; r < 200; r++) {
            ip.add("10.0.0." + (r % 60));
            in.add(r == 7 ? 5_000_000 : 8_000 + rnd.nextInt(4_000));
            out.add(8_000 + rnd.nextInt(4_000));
            time.add(1_714_086_000_000L + rnd.nextInt(86_400) * 1000L);
        }
        for (int k = 0; k < 12; k++) { // the beacon: every 300 s, tiny and alike
            ip.add("203.0.113.9");
            in.add(300);
            out.add(300);
            time.add(1_714_086_000_000L + k * 300_000L);
        }
        Column i = ip.build(), bi = in.build(), bo = out.build(), t = time.build();
        return new Table(212, List.of(i, bi, bo, t), Map.of(Role.SRC_IP, i, Role.BYTES_IN, bi, Role.BYTES_OUT, bo, Role.TIME, t), null);
    }

    @Test
    void aRowIsExplainedByTheFeatureThatMakesItStandOutInItsRealUnits() {
        Table t = log();
        IpProfile profile = IpProfile.of(t);
        FeatureMatrix x = new FeatureBuilder().build(t, FeatureSet.all(), profile);
        TrainedForest forest = TrainedForest.fit(x.matrix(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        Explanation e = new Explainer(t, x, forest, profile).explain(7);
        assertTrue(e.reasons().size() >= 1 && e.reasons().size() <= 3, e.reasons().toString());
        Explanation.Reason first = e.reasons().get(0);
        assertTrue(List.of(Feature.BYTES_IN, Feature.OUT_IN_RATIO, Feature.IP_VOLUME_DEVIATION).contains(first.feature()), e.summary());
        assertTrue(e.summary().contains("5.0 MB"), e.summary());
        for (int k = 1; k < e.reasons().size(); k++) assertTrue(e.reasons().get(k - 1).scoreDrop() >= e.reasons().get(k).scoreDrop(), "biggest drop first");
        assertEquals(forest.score(x.row(7)), e.score());
    }

    @Test
    void aBeaconIsExplainedByItsClockworkTiming() {
        Table t = log();
        IpProfile profile = IpProfile.of(t);
        HostMatrix hosts = HostFeatures.build(profile);
        double[] beacon = hosts.host(profile.hosts().codeOf("203.0.113.9"));
        assertEquals(1.0, beacon[hosts.features().indexOf(HostFeature.REGULARITY)], 1e-12, "equal gaps: regularity 1");
        HostScores scores = HostScores.fit(profile, ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        String why = scores.explain(profile.hosts().codeOf("203.0.113.9"));
        assertTrue(why.contains("clockwork timing (regularity 1.00"), why);
    }
}
