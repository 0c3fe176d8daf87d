// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP literals without ever touching DNS, and names the special-purpose ranges (RFC 1918 private,
 * RFC 6598 shared, loopback, link-local, documentation, multicast, reserved) that have no country.
 */
public final class AddressClass {
    public static final String PRIVATE = "private";
    public static final String SHARED = "shared";
    public static final String RESERVED = "reserved";

    private AddressClass() { }

    /** The address, or null when {@code text} is not an IPv4 or IPv6 literal (host names are not resolved). */
    public static InetAddress parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) return null;
        if (t.indexOf(':') >= 0) {
            if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) return null;
            }
            try {
                return InetAddress.getByName(t); // a string with ':' is only ever parsed as an IPv6 literal
            } catch (UnknownHostException e) {
                return null;
            }
        }
        // four parts of one to three digits, each at most 255, read in place: a flow log classifies every distinct
        // address, and splitting each into strings made a tenth of its import's garbage
        byte[] b = new byte[4];
        int part = 0, value = 0, digits = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part == 4) return null;
                b[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) return null;
            } else {
                return null;
            }
        }
        if (part != 4) return null;
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@link #PRIVATE}, {@link #SHARED} or {@link #RESERVED} for special-purpose addresses, else null. */
    public static String special(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return special4(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF);
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xFF, b1 = b[1] & 0xFF;
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) return special4(b[12] & 0xFF, b[13] & 0xFF, b[14] & 0xFF, b[15] & 0xFF);
            if ((b0 & 0xFE) == 0xFC) return PRIVATE;                                   // fc00::/7 unique local
            if (b0 == 0xFE && (b1 & 0xC0) == 0x80) return RESERVED;                    // fe80::/10 link-local
            if (b0 == 0xFF) return RESERVED;                                           // multicast
            if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) return RESERVED; // 2001:db8::/32
            boolean zeroPrefix = true;
            for (int i = 0; i < 15; i++) zeroPrefix &= b[i] == 0;
            if (zeroPrefix) return RESERVED;                                           // :: and ::1
            return null;
        }
        return null;
    }

    private static String special4(int a, int b, int c, int d) {
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) return PRIVATE;
        if (a == 100 && b >= 64 && b <= 127) return SHARED;
        if (a == 0 || a == 127 || a >= 224) return RESERVED;                           // this network, loopback, multicast, 240/4
        if (a == 169 && b == 254) return RESERVED;                                     // link-local
        if (a == 192 && b == 0 && (c == 0 || c == 2)) return RESERVED;                 // IETF protocol, TEST-NET-1
        if (a == 198 && (b == 18 || b == 19)) return RESERVED;                         // benchmarking
        if ((a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) return RESERVED; // TEST-NET-2/3
        return null;
    }
}
