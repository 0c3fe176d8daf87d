// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each feature's numbers on a table small enough to check by hand. */
class FeatureBuilderTest {
    private static final double E = 1e-12;

    /** Four flow-like rows: two IPs, a verdict, ports and hosts, bytes each way. */
    private static Table table() {
        TextColumn.Builder ip = new TextColumn.Builder("src_ip"), dst = new TextColumn.Builder("dst_ip"), verdict = new TextColumn.Builder("action"),
                status = new TextColumn.Builder("response.code");
        NumberColumn.Builder in = new NumberColumn.Builder("bytes_in"), out = new NumberColumn.Builder("bytes_out"), port = new NumberColumn.Builder("dst_port");
        String[] ips = {"a", "a", "a", "b"}, dsts = {"h1", "h2", "h2", "h1"}, verdicts = {"ACCEPT", "REJECT", "REJECT", "ACCEPT"}, codes = {"200", "404", "x", "503"};
        double[] ins = {0, 9, 99, 999}, outs = {0, 0, 9, 9}, ports = {22, 23, 22, 443};
        for (int r = 0; r < 4; r++) {
            ip.add(ips[r]);
            dst.add(dsts[r]);
            verdict.add(verdicts[r]);
            status.add(codes[r]);
            in.add(ins[r]);
            out.add(outs[r]);
            port.add(ports[r]);
        }
        Column i = ip.build(), d = dst.build(), v = verdict.build(), s = status.build(), bi = in.build(), bo = out.build(), p = port.build();
        return new Table(4, List.of(i, d, v, s, bi, bo, p), Map.of(Role.SRC_IP, i, Role.DST_IP, d, Role.VERDICT, v, Role.RESPONSE_CODE, s,
                Role.BYTES_IN, bi, Role.BYTES_OUT, bo, Role.DST_PORT, p), null);
    }

    private static double[] column(FeatureMatrix m, Feature f) {
        int at = m.indexOf(f);
        assertTrue(at >= 0, f + " used: " + m.features() + " left out: " + m.leftOut());
        return m.columns()[at];
    }

    @Test
    void volumesAreLogScaledAndTheRatioIsTheirDifference() {
        FeatureMatrix m = new FeatureBuilder().build(table(), FeatureSet.all());
        assertArrayEquals(new double[] {0, Math.log(10), Math.log(100), Math.log(1000)}, column(m, Feature.BYTES_IN), E);
        assertArrayEquals(new double[] {0, -Math.log(10), Math.log(10) - Math.log(100), Math.log(10) - Math.log(1000)}, column(m, Feature.OUT_IN_RATIO), E);
    }

    @Test
    void perIpFeaturesGiveEachRowItsHostsValue() {
        FeatureMatrix m = new FeatureBuilder().build(table(), FeatureSet.all());
        assertArrayEquals(new double[] {2 / 3.0, 2 / 3.0, 2 / 3.0, 0}, column(m, Feature.REJECT_SHARE), E);
        assertArrayEquals(new double[] {Math.log1p(2), Math.log1p(2), Math.log1p(2), Math.log1p(1)}, column(m, Feature.PORT_BREADTH), E);
        assertArrayEquals(new double[] {Math.log1p(2), Math.log1p(2), Math.log1p(2), Math.log1p(1)}, column(m, Feature.HOST_BREADTH), E);
        assertArrayEquals(new double[] {Math.log(3), Math.log(3), Math.log(3), 0}, column(m, Feature.IP_RECORDS), E);
    }

    @Test
    void rarityIsTheShareOfRowsWithTheSameValue() {
        FeatureMatrix m = new FeatureBuilder().build(table(), FeatureSet.all());
        assertArrayEquals(new double[] {0.5, 0.25, 0.5, 0.25}, column(m, Feature.PORT_RARITY), E);
        assertArrayEquals(new double[] {2, 4, 0, 5}, column(m, Feature.STATUS_CLASS), E, "not a three-digit status: 0");
    }

    @Test
    void absentConstantAndSwitchedOffFeaturesAreLeftOutWithTheReason() {
        FeatureMatrix m = new FeatureBuilder().build(table(), FeatureSet.all().with(Feature.DST_PORT, false));
        assertEquals("switched off", m.leftOut().get(Feature.DST_PORT));
        assertEquals("column 'creation_time' is not in the file", m.leftOut().get(Feature.DURATION));
        assertEquals("same value in every row", m.leftOut().get(Feature.SYN_ONLY_SHARE), "no tcp-flags column: all zero");
        assertFalse(m.features().contains(Feature.DST_PORT));
        assertEquals(m.features().size(), m.columns().length);
    }

    @Test
    void typicalValuesAreTheMedians() {
        FeatureMatrix m = new FeatureBuilder().build(table(), FeatureSet.all());
        assertEquals((Math.log(10) + Math.log(100)) / 2, m.typical()[m.indexOf(Feature.BYTES_IN)], E);
    }

    @Test
    void theFeaturesAreAPureFunctionOfTheTable() {
        Table t = table();
        FeatureMatrix a = new FeatureBuilder().build(t, FeatureSet.all()), b = new FeatureBuilder().build(t, FeatureSet.all(), IpProfile.of(t));
        assertEquals(a.features(), b.features());
        for (int f = 0; f < a.width(); f++) assertArrayEquals(a.columns()[f], b.columns()[f]);
    }

    @Test
    void aNumbersStatusClassIsTheClassOfItsText() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(15);
        double[] edges = {0, -0.0, 99, 100, 199.5, 200, 299, 404, 599, 999, 999.5, 1000, -200, 1e15, 1e16, 2e2 + 1e-9, Double.MAX_VALUE, Double.MIN_VALUE};
        for (double v : edges) assertEquals(FeatureColumns.statusClass(NumberColumn.formatNumber(v)), FeatureColumns.statusClass(v), "code " + v);
        for (int i = 0; i < 200_000; i++) {
            double v = random.nextBoolean() ? random.nextInt(-50, 1200) : random.nextDouble(-2000, 2000);
            assertEquals(FeatureColumns.statusClass(NumberColumn.formatNumber(v)), FeatureColumns.statusClass(v), "code " + v);
        }
    }

    /** The typical values, worked out beside the forest's fit, are each column's median, the same every time asked. */
    @Test
    void typicalValuesAreEachFeaturesMedian() {
        var imported = dev.taw.TestData.importLog(dev.taw.TestData.seed());
        FeatureMatrix m = new FeatureBuilder().build(imported.table(), FeatureSet.all());
        double[] typical = m.typical();
        assertEquals(m.width(), typical.length);
        for (int f = 0; f < m.width(); f++) {
            double[] copy = m.columns()[f].clone();
            java.util.Arrays.sort(copy);
            int n = copy.length;
            double median = n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
            assertEquals(median, typical[f], 0.0, m.features().get(f).label());
            assertEquals(dev.taw.table.Medians.of(m.columns()[f]), typical[f], 0.0);
        }
        assertTrue(typical == m.typical(), "worked out once");
    }
}
