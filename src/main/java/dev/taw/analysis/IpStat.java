// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/**
 * One source host in view: its rows, suspicious rows, highest row score, volume each way and when it was
 * first and last seen; with host scoring, the host's own score and label (why it stands out is
 * {@link HostScores#explain}: fifty thousand hosts' reasons are made only when someone reads them all).
 *
 * @param code      the host's code ({@link dev.taw.features.HostKeys}: the address's dictionary code in the source-IP column,
 *                  or with a context window the address-and-window's)
 * @param hostScore NaN where no host forest ran
 * @param hostLabel -1 suspicious, 1 normal, 0 where no host forest ran
 * @param firstSeen epoch milliseconds of its earliest row in view, {@link #NEVER} when the log has no time
 * @param window    epoch milliseconds at which the host's context window starts; {@link #NEVER} over the whole log
 */
public record IpStat(int code, String ip, String country, long rows, long suspicious, double maxScore, double bytesIn, double bytesOut,
                     double hostScore, byte hostLabel, long firstSeen, long lastSeen, long window) {
    /** No time: the log has no time column, or none of the host's rows has one. */
    public static final long NEVER = Long.MIN_VALUE;

    public boolean hasHostScore() { return !Double.isNaN(hostScore); }

    private static final java.time.format.DateTimeFormatter WINDOW = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(java.time.ZoneOffset.UTC);

    /** The host as the analyst reads it: "203.0.113.9", or within a context window "203.0.113.9 @ 2026-11-02 00:00". */
    public String name() {
        return window == NEVER ? ip : ip + " @ " + windowText();
    }

    /** "2026-11-02 00:00" (UTC), the start of the host's context window; empty over the whole log. */
    public String windowText() {
        return window == NEVER ? "" : WINDOW.format(java.time.Instant.ofEpochMilli(window));
    }
}
