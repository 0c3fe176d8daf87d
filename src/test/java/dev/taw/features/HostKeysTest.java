// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.model.ContextWindow;
import dev.taw.model.ForestSettings;
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

/** Hosts as addresses, or as addresses within UTC-aligned context windows. */
class HostKeysTest {
    static final long DAY = 86_400_000L, DAY_1 = 1_714_089_600_000L; // 2024-04-26T00:00Z

    private static TextColumn ips(String... v) {
        TextColumn.Builder b = new TextColumn.Builder("src_ip");
        for (String s : v) b.add(s);
        return b.build();
    }

    @Test
    void overTheWholeLogAHostIsItsAddressAndCostsNothing() {
        TextColumn ip = ips("a", "b", "a", "");
        HostKeys k = HostKeys.of(ip, null, DAY);
        assertSame(ip.codes(), k.codes(), "the address column's own codes");
        assertFalse(k.windowed());
        assertEquals(HostKeys.NO_WINDOW, k.windowStart(1));
        assertFalse(HostKeys.of(ip, new TimeColumn("time", new long[4], new BitSet()), ContextWindow.WHOLE_LOG).windowed());
    }

    @Test
    void withAWindowAHostIsAnAddressWithinOneUtcWindow() {
        TextColumn ip = ips("a", "a", "b", "a", "", "a", "");
        long[] t = {DAY_1 + 5, DAY_1 + DAY - 1, DAY_1 + 7, DAY_1 + DAY, DAY_1 + 3 * DAY, 0, DAY_1};
        BitSet missing = new BitSet();
        missing.set(5); // a row without a time: its address's window-less host
        HostKeys k = HostKeys.of(ip, new TimeColumn("time", t, missing), DAY);
        assertTrue(k.windowed());
        assertEquals(k.code(0), k.code(1), "the same address on the same UTC day: one host");
        assertNotEquals(k.code(1), k.code(3), "the next day (its first millisecond): another host");
        assertEquals(0, k.code(4), "no address: host 0, whatever its time");
        assertEquals(0, k.code(6));
        assertEquals(5, k.distinctCount(), "'', a without time, a day 1, a day 2, b day 1");
        assertEquals("a", k.address(k.code(3)));
        assertEquals(DAY_1, k.windowStart(k.code(0)));
        assertEquals(DAY_1 + DAY, k.windowStart(k.code(3)));
        assertEquals(HostKeys.NO_WINDOW, k.windowStart(k.code(5)));
        assertTrue(k.code(5) < k.code(0) && k.code(0) < k.code(3) && k.code(3) < k.code(2), "numbered by address, then window");
        assertEquals(ip.code(3), k.addressCode(k.code(3)));
    }

    @Test
    void rowsAndDistinctPortsAreCountedPerWindow() {
        TextColumn ip = ips("a", "a", "a", "a");
        NumberColumn.Builder port = new NumberColumn.Builder("dst_port");
        for (double p : new double[] {22, 23, 24, 22}) port.add(p);
        NumberColumn ports = port.build();
        TimeColumn time = new TimeColumn("time", new long[] {DAY_1, DAY_1 + 1, DAY_1 + 2, DAY_1 + DAY}, new BitSet());
        Table table = new Table(4, List.<Column>of(ip, ports, time), Map.of(Role.SRC_IP, ip, Role.DST_PORT, ports, Role.TIME, time), null);
        IpProfile whole = IpProfile.of(table), daily = IpProfile.of(table, DAY);
        assertEquals(4, whole.rowsOf(3));
        assertEquals(3, daily.rowsOf(0));
        assertEquals(1, daily.rowsOf(3), "the second day's host has one row");
        assertArrayEquals(new double[] {0, 3, 1}, daily.distinctPerIp(ports), "three ports on day one, one on day two");
    }

    @Test
    void windowsAreTypedAsOnTheCommandLineAndKeptInTheSettings() {
        assertEquals(DAY, ContextWindow.parse("1d"));
        assertEquals(6 * 3_600_000L, ContextWindow.parse("6h"));
        assertEquals(30 * 60_000L, ContextWindow.parse("30M"));
        assertEquals(0, ContextWindow.parse("whole"));
        assertEquals("1d", ContextWindow.text(DAY));
        assertEquals("90m", ContextWindow.text(90 * 60_000L));
        for (String bad : new String[] {"1 day", "1w", "0d", "400d", "-1h", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContextWindow.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"));
        }
        ForestSettings s = ForestSettings.defaults().withContextWindow(DAY);
        assertTrue(s.toText().endsWith("--context-window 1d"), s.toText());
        assertTrue(s.needsRefitComparedTo(ForestSettings.defaults()), "another window: other features, a new fit");
        assertFalse(ForestSettings.defaults().toText().contains("window"));
    }
}
