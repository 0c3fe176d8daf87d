// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import dev.taw.io.TableAssembler;
import dev.taw.table.Interner;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.TextColumn;

/**
 * The columns every flow-log format gets, made from each oriented record: {@code bytes_in}, {@code bytes_out},
 * {@code src_ip} (the remote side), {@code dst_ip} (the local side), {@code service_port}, {@code protocol_name}
 * and {@code direction}.
 */
final class FlowDerived {
    private final NumberColumn.Builder bytesIn = new NumberColumn.Builder("bytes_in");
    private final NumberColumn.Builder bytesOut = new NumberColumn.Builder("bytes_out");
    // named for what it is: the service port of the conversation, which may be either side's (dst_ip and it need not
    // be a pair of the record: an outbound call pairs our host with the remote server's port)
    private final NumberColumn.Builder servicePort = new NumberColumn.Builder("service_port");
    private final TextColumn.Builder remote;
    private final TextColumn.Builder local;
    private final TextColumn.Builder protocolName = new TextColumn.Builder("protocol_name");
    private final TextColumn.Builder direction = new TextColumn.Builder("direction");
    // records come in long runs of one protocol and one orientation (one of seven shared ones): each run's text is looked up once
    private int lastProtocol = Integer.MIN_VALUE, lastProtocolName; // MIN_VALUE: none yet, or the protocol codes were made anew
    private FlowOrientation lastOrientation;
    private int lastDirection;
    /** Per protocol code, its name's code + 1 (0: not looked up yet). */
    private int[] nameByProtocol = new int[16];
    private final FlowOrientation[] orientationSeen = new FlowOrientation[16];
    private final int[] directionCode = new int[16];
    private int orientations;

    /** @param addresses the dictionary the record's own address fields share */
    FlowDerived(Interner addresses) {
        remote = new TextColumn.Builder("src_ip", addresses);
        local = new TextColumn.Builder("dst_ip", addresses);
    }

    /**
     * One record's cells.
     *
     * @param remoteCode the remote address's code in the shared dictionary, -1 when the record has none (the same for {@code localCode})
     * @param protocol   the record's code in {@code own}'s protocol column, -1 when the format has none
     */
    void add(FlowOrientation o, int remoteCode, int localCode, double bytes, double sourcePort, double destinationPort, int protocol,
             FlowColumns own) {
        if (remoteCode < 0) remote.add(""); else remote.addCode(remoteCode);
        if (localCode < 0) local.add(""); else local.addCode(localCode);
        bytesIn.add(o.ingress() && !Double.isNaN(bytes) ? bytes : 0);
        bytesOut.add(!o.ingress() && !Double.isNaN(bytes) ? bytes : 0);
        double port = o.servicePort(sourcePort, destinationPort);
        if (Double.isNaN(port)) servicePort.addMissing(); else servicePort.add(port);
        if (protocol != lastProtocol) {
            lastProtocol = protocol;
            lastProtocolName = nameOf(protocol, own);
        }
        protocolName.addCode(lastProtocolName);
        if (o != lastOrientation) {
            lastOrientation = o;
            lastDirection = directionOf(o);
        }
        direction.addCode(lastDirection);
    }

    /**
     * The protocol's name's code, looked up once per protocol: records of several protocols interleave, and a look-up
     * by text at each change was a twentieth of the parser's time.
     */
    private int nameOf(int protocol, FlowColumns own) {
        if (protocol < 0) return protocolName.codeOf(own.protocolName(protocol));
        if (protocol >= nameByProtocol.length) nameByProtocol = java.util.Arrays.copyOf(nameByProtocol, Math.max(protocol + 1, nameByProtocol.length * 2));
        if (nameByProtocol[protocol] == 0) nameByProtocol[protocol] = protocolName.codeOf(own.protocolName(protocol)) + 1;
        return nameByProtocol[protocol] - 1;
    }

    /** The direction's code, looked up once per orientation (there are a few, shared). */
    private int directionOf(FlowOrientation o) {
        for (int k = 0; k < orientations; k++) if (orientationSeen[k] == o) return directionCode[k];
        int code = direction.codeOf(o.words());
        if (orientations < orientationSeen.length) {
            orientationSeen[orientations] = o;
            directionCode[orientations++] = code;
        }
        return code;
    }

    /** The protocol column's codes were made anew (a new field list before any record). */
    void protocolsRenumbered() {
        lastProtocol = Integer.MIN_VALUE;
        java.util.Arrays.fill(nameByProtocol, 0);
    }

    /** The columns, first in the table, with their roles. */
    TableAssembler into(TableAssembler a) {
        return a.derived(bytesIn.build(), Role.BYTES_IN).derived(bytesOut.build(), Role.BYTES_OUT)
                .derived(remote.build(), Role.SRC_IP).derived(local.build(), Role.DST_IP).derived(servicePort.build(), Role.DST_PORT)
                .derived(protocolName.build(), Role.PROTOCOL).derived(direction.build());
    }
}
