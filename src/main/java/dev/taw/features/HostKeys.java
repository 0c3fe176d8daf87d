// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.model.ContextWindow;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.Arrays;

/**
 * Who a "host" is to the host features, the host forest and the host list: a source address over the whole log,
 * or, with a {@link ContextWindow}, a source address within one window of time (one host per address and day).
 * Hosts are numbered 0 … n-1; host 0 holds the rows with no source address and is never scored. Without a window
 * the numbers are the address column's own dictionary codes, so the whole-log case costs nothing.
 */
public final class HostKeys {
    /** No window start: the whole log, or a row without a time. */
    public static final long NO_WINDOW = Long.MIN_VALUE;

    private final int[] codes;          // host per row
    private final String[] addresses;   // per host
    private final int[] addressCodes;   // per host, its address's code in the source-IP column; null over the whole log
    private final long[] windowStarts;  // per host, epoch ms; null over the whole log
    private final long window;

    private HostKeys(int[] codes, String[] addresses, int[] addressCodes, long[] windowStarts, long window) {
        this.codes = codes;
        this.addresses = addresses;
        this.addressCodes = addressCodes;
        this.windowStarts = windowStarts;
        this.window = window;
    }

    /** One host per address, over the whole log. */
    public static HostKeys of(TextColumn ip) {
        return new HostKeys(ip.codes(), ip.dictionary(), null, null, ContextWindow.WHOLE_LOG);
    }

    /**
     * One host per address and window of {@code window} ms (with {@code time} null or the window 0: per address).
     * Hosts are numbered by address code, then window, so the order of the host list's ties stays by address.
     * A row without a time counts in its address's window-less host.
     */
    public static HostKeys of(TextColumn ip, TimeColumn time, long window) {
        if (time == null || window == ContextWindow.WHOLE_LOG) return of(ip);
        int n = ip.size();
        long[] rowWindow = new long[n];
        long low = Long.MAX_VALUE;
        for (int r = 0; r < n; r++) {
            rowWindow[r] = time.isMissing(r) ? Long.MIN_VALUE : ContextWindow.index(time.get(r), window);
            if (!time.isMissing(r)) low = Math.min(low, rowWindow[r]);
        }
        // key: address code in the high 32 bits, then 1 + window - first window (0: no time); code 0 stays one host
        long[] keys = new long[n];
        for (int r = 0; r < n; r++) {
            int a = ip.code(r);
            long w = a == 0 || rowWindow[r] == Long.MIN_VALUE ? 0 : 1 + rowWindow[r] - low;
            if (w >= 1L << 32) throw new IllegalArgumentException("the log spans more than 2^32 context windows of " + ContextWindow.text(window));
            keys[r] = (long) a << 32 | w;
        }
        long[] distinct = Arrays.stream(keys).parallel().sorted().distinct().toArray();
        boolean hasEmpty = distinct.length > 0 && distinct[0] == 0;
        int offset = hasEmpty ? 0 : 1; // host 0 is the empty address whether or not the log has one
        int hosts = distinct.length + offset;
        String[] dictionary = ip.dictionary();
        String[] addresses = new String[hosts];
        int[] addressCodes = new int[hosts];
        long[] starts = new long[hosts];
        addresses[0] = dictionary[0];
        starts[0] = NO_WINDOW;
        for (int i = 0; i < distinct.length; i++) {
            long k = distinct[i];
            long w = k & 0xFFFFFFFFL;
            addressCodes[i + offset] = (int) (k >>> 32);
            addresses[i + offset] = dictionary[addressCodes[i + offset]];
            starts[i + offset] = w == 0 ? NO_WINDOW : (low + w - 1) * window;
        }
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) codes[r] = Arrays.binarySearch(distinct, keys[r]) + offset;
        return new HostKeys(codes, addresses, addressCodes, starts, window);
    }

    /** The host of a row. */
    public int code(int row) { return codes[row]; }

    /** The host per row; callers must not modify it. */
    public int[] codes() { return codes; }

    /** Hosts, counting host 0. */
    public int distinctCount() { return addresses.length; }

    /** The source address per host; callers must not modify it. */
    public String[] dictionary() { return addresses; }

    public String address(int host) { return addresses[host]; }

    /** The first host of an address (its only one over the whole log), or -1: a scan, for look-ups, not loops. */
    public int codeOf(String address) {
        for (int h = 0; h < addresses.length; h++) if (addresses[h].equals(address)) return h;
        return -1;
    }

    /** The code of a host's address in the source-IP column it was made from. */
    public int addressCode(int host) { return addressCodes == null ? host : addressCodes[host]; }

    /** The window's length in ms, or {@link ContextWindow#WHOLE_LOG}. */
    public long window() { return window; }

    /** True when hosts are addresses within windows of time. */
    public boolean windowed() { return windowStarts != null; }

    /** Over what a host's context is counted, in words: "across the whole log", "within each UTC window of 1d". */
    public String span() {
        return windowed() ? "within each UTC window of " + ContextWindow.text(window) : "across the whole log";
    }

    /** Epoch ms at which a host's window starts, or {@link #NO_WINDOW}. */
    public long windowStart(int host) { return windowStarts == null ? NO_WINDOW : windowStarts[host]; }
}
