// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import java.util.Locale;

/** Number formatting in the analyst's units, shared by explanations, the CLI, the UI and the report. */
public final class Formats {
    private Formats() { }

    /** 950 B, 12.3 kB, 4.7 MB, 1.2 GB (decimal units, as AWS bills). */
    public static String bytes(double b) {
        double a = Math.abs(b);
        if (a < 1000) return String.format(Locale.ROOT, "%.0f B", b);
        if (a < 1e6) return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        if (a < 1e9) return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
    }

    /** A ratio as "40×" or "1/20" so both directions read naturally. */
    public static String ratio(double r) {
        if (!Double.isFinite(r) || r <= 0) return "—";
        if (r >= 1) return r >= 10 ? String.format(Locale.ROOT, "%.0f×", r) : String.format(Locale.ROOT, "%.1f×", r);
        double inv = 1 / r;
        return inv >= 10 ? String.format(Locale.ROOT, "1/%.0f", inv) : String.format(Locale.ROOT, "1/%.1f", inv);
    }

    public static String percent(double share) {
        return share < 0.001 && share > 0 ? String.format(Locale.ROOT, "%.2f %%", share * 100) : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static final java.time.format.DateTimeFormatter SHORT_TIME =
            java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    /** "04-25 23:10" (UTC): axis labels, where the year is in the title. */
    public static String shortTime(long epochMillis) {
        return SHORT_TIME.format(java.time.Instant.ofEpochMilli(epochMillis));
    }

    /** A bucket width: "10 min", "1 h", "7 d", "30 s". */
    public static String duration(long millis) {
        if (millis >= 86_400_000L) return millis / 86_400_000L + " d";
        if (millis >= 3_600_000L) return millis / 3_600_000L + " h";
        if (millis >= 60_000L) return millis / 60_000L + " min";
        return millis / 1000 + " s";
    }

    public static String score(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
