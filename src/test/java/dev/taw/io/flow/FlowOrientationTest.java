// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.taw.io.flow.FlowOrientation.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The orientation rule on its own, case by case: who is the remote host of a flow record. */
class FlowOrientationTest {
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
        // both on one side, or unknown: the record's own source is the remote host
        "none, INSIDE, INSIDE, ingress (inferred)",
        "none, OUTSIDE, OUTSIDE, ingress (inferred)",
        "none, NONE, INSIDE, ingress (inferred)",
        "none, NONE, NONE, ingress (inferred)",
    })
    void theRemoteHostIsChosen(String direction, Side source, Side destination, String expected) {
        assertEquals(expected, FlowOrientation.of(direction, source, destination).words());
    }

    @ParameterizedTest(name = "ports {0}, {1} -> {2}")
    @CsvSource(value = {"51544, 443, 443", "443, 51544, 443", "NaN, 22, 22", "22, NaN, 22", "NaN, NaN, NaN", "0, 0, 0"})
    void theServicePortIsTheWellKnownSide(double source, double destination, double expected) {
        assertEquals(expected, FlowOrientation.servicePort(source, destination));
    }
}
