// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.taw.model.Threshold;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each filter's boundaries, and filters combined. */
class RowFilterTest {
    private final Table table;
    private final byte[] labels = {Threshold.NORMAL, Threshold.SUSPICIOUS, Threshold.NORMAL, Threshold.SUSPICIOUS};

    RowFilterTest() {
        TextColumn.Builder cc = new TextColumn.Builder("src_ip_country_code");
        NumberColumn.Builder in = new NumberColumn.Builder("bytes_in"), out = new NumberColumn.Builder("bytes_out"), port = new NumberColumn.Builder("dst_port");
        TimeColumn.Builder time = new TimeColumn.Builder("time");
        String[] countries = {"NL", "US", "NL", "DE"};
        double[] ins = {100, 200, 300, 400}, outs = {10, 20, 30, 40}, ports = {443, 22, 443, 80};
        long[] times = {1000, 2000, 3000, 4000};
        for (int r = 0; r < 4; r++) {
            cc.add(countries[r]);
            in.add(ins[r]);
            out.add(outs[r]);
            port.add(ports[r]);
            time.add(times[r]);
        }
        Column c = cc.build(), i = in.build(), o = out.build(), p = port.build(), t = time.build();
        table = new Table(4, List.of(c, i, o, p, t), Map.of(Role.SRC_IP_COUNTRY_CODE, c, Role.BYTES_IN, i, Role.BYTES_OUT, o, Role.DST_PORT, p, Role.TIME, t), null);
    }

    private BitSet view(RowFilter... filters) {
        return RowFilter.view(table, labels, List.of(filters));
    }

    private static BitSet rows(int... r) {
        BitSet b = new BitSet();
        for (int x : r) b.set(x);
        return b;
    }

    @Test
    void equalsMatchesTheValueAsShownForTextAndNumbers() {
        assertEquals(rows(0, 2), view(new RowFilter.Equals(Role.SRC_IP_COUNTRY_CODE, "NL")));
        assertEquals(rows(0, 2), view(new RowFilter.Equals(Role.DST_PORT, "443")));
        assertEquals(rows(), view(new RowFilter.Equals(Role.SRC_IP_COUNTRY_CODE, "FR")));
        assertEquals(rows(), view(new RowFilter.Equals(Role.PROTOCOL, "TCP")), "a role the file lacks matches nothing");
    }

    @Test
    void aTimeRangeIncludesItsStartAndExcludesItsEnd() {
        assertEquals(rows(1, 2), view(new RowFilter.TimeRange(Role.TIME, 2000, 4000)));
    }

    @Test
    void aBytesBoxIncludesItsEdges() {
        assertEquals(rows(1, 2), view(new RowFilter.BytesBox(200, 300, 20, 30)));
    }

    @Test
    void filtersCombineAndLabelsFilterTheirSide() {
        assertEquals(rows(1, 3), view(new RowFilter.Label(true)));
        assertEquals(rows(0), view(new RowFilter.Label(false), new RowFilter.Equals(Role.DST_PORT, "443"), new RowFilter.TimeRange(Role.TIME, 0, 2000)));
        assertEquals(rows(0, 1, 2, 3), view());
        assertEquals("src_ip_country_code = NL and suspicious only",
                RowFilter.describe(List.of(new RowFilter.Equals(Role.SRC_IP_COUNTRY_CODE, "NL"), new RowFilter.Label(true))));
        assertEquals("all rows", RowFilter.describe(List.of()));
    }
}
