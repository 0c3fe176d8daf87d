// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a log file holds, read from its key as AWS writes it, so a window of days reads only its files:
 * {@code …/2024/06/01/…} (VPC, ALB, WAF), Hive-style {@code year=2024/month=06/day=01} or {@code date=2024-06-01}
 * (flow logs with Hive-compatible prefixes, Glue tables), and the file names {@code …_20240601T0005Z_…} (VPC, ALB)
 * and {@code E2ABC.2024-06-01-13.abcd.gz} (CloudFront).
 */
final class PathDates {
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?:^|/)year=(\\d{4})/month=(\\d{1,2})/day=(\\d{1,2})(?:/|$)"),
            Pattern.compile("(?:^|/)(?:date|dt|day)=(\\d{4})-(\\d{2})-(\\d{2})(?:/|$)"),
            Pattern.compile("(?:^|/)(\\d{4})/(\\d{2})/(\\d{2})(?:/|$)"),
            Pattern.compile("_(\\d{4})(\\d{2})(\\d{2})T\\d{4}Z[_.]"),
            Pattern.compile("\\.(\\d{4})-(\\d{2})-(\\d{2})-\\d{2}\\."));

    private PathDates() { }

    /** The day in the path, or null when the path names none. */
    static LocalDate of(String path) {
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(path);
            if (m.find()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (DateTimeException notADay) {
                    // 2024/13/45 is not a day: try the next pattern
                }
            }
        }
        return null;
    }

    /** True when a file of this path may hold rows of the window ({@code from}/{@code to} null: open); a path without a day always may. */
    static boolean inWindow(String path, LocalDate from, LocalDate to) {
        LocalDate d = of(path);
        if (d == null) return true;
        return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
}
