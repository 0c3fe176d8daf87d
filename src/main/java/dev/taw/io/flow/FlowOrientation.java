// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

/**
 * Which way a flow record points, the one real decision a flow-log import makes. A record counts bytes in one
 * direction, from its source to its destination; the analyst wants the outside host as {@code src_ip} and its
 * bytes as bytes in (it sent them) or bytes out (it received them). Pure: decided from the record's
 * {@code flow-direction} and where its two addresses are.
 *
 * <p>When nothing decides (no {@code flow-direction}, and both addresses on the same side or one of them
 * unknown), the record keeps its own direction, destination and destination port, and the {@code direction}
 * column says so: a guess there once paired a host with the other side's port.
 *
 * @param ingress    the record's source is the remote (outside) host: its bytes are bytes in
 * @param inferred   decided from the addresses, not from a {@code flow-direction} field
 * @param undecided  why nothing decided and the record's own direction was kept, or null when something did
 */
public record FlowOrientation(boolean ingress, boolean inferred, String undecided) {

    /** Where an address is: inside a VPC (private or shared space), outside, or no address at all. */
    public enum Side { INSIDE, OUTSIDE, NONE }

    /**
     * {@code flow-direction} when the record has one ({@code ingress} / {@code egress}); else the VPC side is
     * local: from outside to inside is ingress, from inside to outside (or to no address) egress, from no
     * address to inside ingress. Both inside, both outside, or outside and unknown: undecided, and the
     * record's own source is kept as the remote host.
     *
     * @param direction the record's flow-direction, or null when it has none (or "-")
     */
    public static FlowOrientation of(String direction, Side source, Side destination) {
        if ("ingress".equals(direction)) return INGRESS;
        if ("egress".equals(direction)) return EGRESS;
        if (source == Side.OUTSIDE && destination == Side.INSIDE || source == Side.NONE && destination == Side.INSIDE) return INGRESS_INFERRED;
        if (source == Side.INSIDE && destination != Side.INSIDE) return EGRESS_INFERRED;
        return source == Side.INSIDE ? KEPT_INSIDE : source == Side.OUTSIDE && destination == Side.OUTSIDE ? KEPT_OUTSIDE : KEPT_MISSING;
    }

    // the seven outcomes, made once: a flow log asks for one per record
    private static final FlowOrientation INGRESS = new FlowOrientation(true, false, null), EGRESS = new FlowOrientation(false, false, null),
            INGRESS_INFERRED = new FlowOrientation(true, true, null), EGRESS_INFERRED = new FlowOrientation(false, true, null),
            KEPT_INSIDE = new FlowOrientation(true, true, "both addresses inside the VPC"),
            KEPT_OUTSIDE = new FlowOrientation(true, true, "both addresses outside the VPC"),
            KEPT_MISSING = new FlowOrientation(true, true, "an address missing");

    /**
     * The conversation's service port. Undecided, the record's own destination port (the pair is the
     * record's). Decided, the well-known (lower) of the two ports, which is the local host's own port when
     * the outside host is the client; when the local host is the client (an instance calling out to a web
     * service), it is the remote server's port, since our side's port is an ephemeral one that says nothing
     * and would make every outbound conversation look like a port sweep. Either port alone when the other is
     * missing (NaN).
     */
    public double servicePort(double sourcePort, double destinationPort) {
        if (undecided != null) return Double.isNaN(destinationPort) ? sourcePort : destinationPort;
        if (Double.isNaN(sourcePort)) return destinationPort;
        if (Double.isNaN(destinationPort)) return sourcePort;
        return Math.min(sourcePort, destinationPort);
    }

    /** The {@code direction} column's text: "ingress", "egress (inferred)", "as recorded (both addresses inside the VPC)" */
    public String words() {
        if (undecided != null) return "as recorded (" + undecided + ")";
        return (ingress ? "ingress" : "egress") + (inferred ? " (inferred)" : "");
    }
}
