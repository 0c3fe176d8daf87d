// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import static dev.taw.TestData.cell;
import static dev.taw.TestData.importLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.io.flow.FlowOrientation.Side;
import dev.taw.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The orientation rule on its own, case by case: who is the remote host of a flow record, and which port is the local one. */
class FlowOrientationTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}, {1} -> {2}: {3}")
    @CsvSource(nullValues = "none", value = {
        // flow-direction, when stated, decides whatever the addresses say
        "ingress, INSIDE, INSIDE, ingress",
        "egress, OUTSIDE, OUTSIDE, egress",
        "ingress, INSIDE, OUTSIDE, ingress",
        // without it, the VPC side is local
        "none, OUTSIDE, INSIDE, ingress (inferred)",
        "none, INSIDE, OUTSIDE, egress (inferred)",
        "none, INSIDE, NONE, egress (inferred)",
        "none, NONE, INSIDE, ingress (inferred)",
        // nothing decides: the record keeps its own direction, and says why
        "none, INSIDE, INSIDE, as recorded (both addresses inside the VPC)",
        "none, OUTSIDE, OUTSIDE, as recorded (both addresses outside the VPC)",
        "none, OUTSIDE, NONE, as recorded (an address missing)",
        "none, NONE, NONE, as recorded (an address missing)",
    })
    void theRemoteHostIsChosen(String direction, Side source, Side destination, String expected) {
        assertEquals(expected, FlowOrientation.of(direction, source, destination).words());
    }

    @ParameterizedTest(name = "{0}, {1} -> {2}, ports {3}, {4} -> {5}")
    @CsvSource(nullValues = "none", value = {
        "none, OUTSIDE, INSIDE, 51544, 443, 443",
        "none, INSIDE, OUTSIDE, 443, 51544, 443",
        "none, INSIDE, OUTSIDE, 49152, 443, 443",     // our client calling out: the remote service's port, not our ephemeral one
        "none, OUTSIDE, OUTSIDE, 443, 49152, 49152",  // undecided: the record's own destination port
        "none, INSIDE, INSIDE, 3306, 51000, 51000",
        "egress, INSIDE, OUTSIDE, 22, NaN, 22",
        "ingress, OUTSIDE, INSIDE, NaN, NaN, NaN",
    })
    void theServicePortIsTheWellKnownSideUnlessNothingDecides(String direction, Side source, Side destination, double sp, double dp, double expected) {
        assertEquals(expected, FlowOrientation.of(direction, source, destination).servicePort(sp, dp));
    }

    /**
     * The case the review found: two public addresses (documentation ranges, as test samples use), the lower port
     * on the source. Taking "the lower port" as the service gave 192.0.2.1:443, a pair the record does not hold.
     * Where the addresses decide, the pair is the record's too whenever the outside host is the client.
     */
    @Test
    void anUndecidedRecordKeepsItsOwnPairs() throws IOException {
        Path log = Files.writeString(tmp.resolve("flows.log"), """
                version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
                2 123456789010 eni-1235b8ca123456789 198.51.100.1 192.0.2.1 443 49152 6 20 4249 1418530010 1418530070 ACCEPT OK
                2 123456789010 eni-1235b8ca123456789 10.0.1.5 93.184.216.34 49152 443 6 20 4249 1418530010 1418530070 ACCEPT OK
                2 123456789010 eni-1235b8ca123456789 93.184.216.34 10.0.1.5 443 49152 6 20 8000 1418530010 1418530070 ACCEPT OK
                2 123456789010 eni-1235b8ca123456789 10.0.0.220 10.0.1.5 3306 51000 6 20 8000 1418530010 1418530070 ACCEPT OK
                """);
        Table t = importLog(log).table();
        for (int r : new int[] {0, 3}) {
            String src = cell(t, "srcaddr", r), dst = cell(t, "dstaddr", r), sp = cell(t, "srcport", r), dp = cell(t, "dstport", r);
            Set<String> pairs = Set.of(src + ":" + sp, dst + ":" + dp);
            String oriented = cell(t, "dst_ip", r) + ":" + cell(t, "service_port", r);
            assertTrue(pairs.contains(oriented), "row " + r + ": " + oriented + " is not in " + pairs);
        }
        assertEquals("198.51.100.1", cell(t, "src_ip", 0));
        assertEquals("49152", cell(t, "service_port", 0));
        assertEquals("as recorded (both addresses outside the VPC)", cell(t, "direction", 0));
        assertEquals("93.184.216.34", cell(t, "src_ip", 1), "the outside host is the remote one");
        assertEquals("443", cell(t, "service_port", 1), "our instance called out: the service is the remote's port 443");
        assertEquals("egress (inferred)", cell(t, "direction", 1));
        assertEquals("443", cell(t, "service_port", 2), "the reply: the same conversation, the same service port");
        assertEquals("as recorded (both addresses inside the VPC)", cell(t, "direction", 3));
    }
}
