// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

/**
 * Which way a flow record points, the one real decision a flow-log import makes. A record counts bytes in one
 * direction, from its source to its destination; the analyst wants the outside host as {@code src_ip} and its
 * bytes as bytes in (it sent them) or bytes out (it received them). Pure: decided from the record's
 * {@code flow-direction} and where its two addresses are.
 *
 * @param ingress  the record's source is the remote (outside) host: its bytes are bytes in
 * @param inferred decided from the addresses, not from a {@code flow-direction} field
 */
public record FlowOrientation(boolean ingress, boolean inferred) {

    /** Where an address is: inside a VPC (private or shared space), outside, or no address at all. */
    public enum Side { INSIDE, OUTSIDE, NONE }

    /**
     * {@code flow-direction} when the record has one ({@code ingress} / {@code egress}); else the VPC side is
     * local: a record from inside to anywhere else is egress, and when both sides are inside, both outside or
     * one is unknown, the record's own source is taken as the remote host.
     *
     * @param direction the record's flow-direction, or null when it has none (or "-")
     */
    public static FlowOrientation of(String direction, Side source, Side destination) {
        if ("ingress".equals(direction)) return new FlowOrientation(true, false);
        if ("egress".equals(direction)) return new FlowOrientation(false, false);
        return new FlowOrientation(!(source == Side.INSIDE && destination != Side.INSIDE), true);
    }

    /** The service's port: the well-known (lower) of the two; either one when the other is missing (NaN). */
    public static double servicePort(double sourcePort, double destinationPort) {
        if (Double.isNaN(sourcePort)) return destinationPort;
        if (Double.isNaN(destinationPort)) return sourcePort;
        return Math.min(sourcePort, destinationPort);
    }

    /** The {@code direction} column's text: "ingress", "egress (inferred)", … */
    public String words() {
        return (ingress ? "ingress" : "egress") + (inferred ? " (inferred)" : "");
    }
}
