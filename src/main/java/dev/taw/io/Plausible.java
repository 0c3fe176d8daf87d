// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import java.util.Set;

/**
 * What a count or a port can be. A negative byte count, 10^20 bytes in one record, port 70000 or a
 * time-taken of 10^308 seconds is not traffic but a broken line: it is skipped with its reason, never
 * imported as data (a single such value would dominate every sum, scale and chart).
 */
public final class Plausible {
    /** More bytes than any one record of a day's traffic can carry: 2^50, about a petabyte. */
    public static final double MAX_BYTES = 0x1p50;
    /** A day, the longest a logged request or flow can take. */
    public static final double MAX_SECONDS = 86_400;

    private static final Set<String> COUNTS = Set.of("bytes", "packets", "bytes_in", "bytes_out", "received_bytes", "sent_bytes",
            "cs-bytes", "sc-bytes", "sc-content-len");
    private static final Set<String> PORTS = Set.of("srcport", "dstport", "dst_port", "src_port", "c-port");
    private static final Set<String> DURATIONS = Set.of("time-taken", "time-to-first-byte");

    private Plausible() { }

    /** What a field holds, and so which values it can have. */
    public enum Rule {
        COUNT, PORT, DURATION;

        /** @return why {@code value} cannot be in a field of this kind, or null when it can */
        public String problem(double value) {
            return switch (this) {
                case COUNT -> value >= 0 && value <= MAX_BYTES ? null : value < 0 ? "a negative count" : "more than 2^50, not a count";
                case PORT -> value >= 0 && value <= 65_535 && value == Math.rint(value) ? null : "not a port (0 to 65535)";
                case DURATION -> value >= 0 && value <= MAX_SECONDS ? null : "not a duration (0 to 86,400 s)";
            };
        }
    }

    /** The rule of a field by its name, or null when it has none; importers look it up once per field, not per value. */
    public static Rule ruleFor(String name) {
        return COUNTS.contains(name) ? Rule.COUNT : PORTS.contains(name) ? Rule.PORT : DURATIONS.contains(name) ? Rule.DURATION : null;
    }

    /** @return why {@code value} cannot be in field {@code name}, or null when it can (or the field has no such rule) */
    public static String problem(String name, double value) {
        Rule r = ruleFor(name);
        return r == null ? null : r.problem(value);
    }
}
