// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Distinct values per source IP: counted once per column and analysis, shared by the row features and the host forest. */
class IpProfileTest {
    @Test
    void distinctPortsPerIpAreCountedOnceAndShared() {
        TextColumn.Builder ip = new TextColumn.Builder("src_ip");
        NumberColumn.Builder port = new NumberColumn.Builder("dst_port");
        String[] ips = {"a", "b", "a", "a", "b", "c"};
        double[] ports = {22, 22, 23, 22, 80, 443};
        for (int r = 0; r < ips.length; r++) {
            ip.add(ips[r]);
            port.add(ports[r]);
        }
        TextColumn ipc = ip.build();
        Column portc = port.build();
        Table t = new Table(ips.length, List.of(ipc, portc), Map.of(Role.SRC_IP, ipc, Role.DST_PORT, portc), null);
        IpProfile profile = IpProfile.of(t);
        double[] d = profile.distinctPerIp(portc);
        assertArrayEquals(new double[] {0, 2, 2, 1}, d, "codes: '' , a, b, c");
        assertSame(d, profile.distinctPerIp(portc), "the second caller gets the first count");
    }

    @Test
    void deniedRowsReadEachVerdictAsTheTextTestDoes() {
        String[] verdicts = {"ACCEPT", "REJECT", "", "block", "Captcha", "CHALLENGE", "ALLOW", "REJECT", "COUNT"};
        TextColumn.Builder text = new TextColumn.Builder("action");
        for (String v : verdicts) text.add(v);
        TextColumn c = text.build();
        boolean[] expected = new boolean[verdicts.length];
        for (int r = 0; r < verdicts.length; r++) expected[r] = IpProfile.denied(c.format(r));
        assertArrayEquals(new boolean[] {false, true, false, true, true, true, false, true, false}, expected);
        assertArrayEquals(expected, IpProfile.deniedRows(c));
        NumberColumn.Builder numbers = new NumberColumn.Builder("action");
        for (int r = 0; r < 3; r++) numbers.add(r);
        assertArrayEquals(new boolean[3], IpProfile.deniedRows(numbers.build()), "a number is never a verdict that denies");
    }
}
