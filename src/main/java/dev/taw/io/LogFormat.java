// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The logs the workbench reads, by the name an analyst types ({@code --format vpc}) and in words. The command
 * line's help, the window's empty state and the README's format list are made from (or tested against) this
 * list, so a new format cannot be left out of one of them.
 */
public enum LogFormat {
    AUTO("detected from the content (never the file name)"),
    CSV("CloudWatch web-traffic CSV export"),
    VPC("VPC Flow Logs (default or custom format)"),
    ALB("Application Load Balancer access logs"),
    WAF("AWS WAF logs (JSON)"),
    CLOUDFRONT("CloudFront standard logs (W3C)");

    private final String description;

    LogFormat(String description) {
        this.description = description;
    }

    /** The name on the command line: {@code auto}, {@code csv}, {@code vpc}, … */
    public String cliName() { return name().toLowerCase(Locale.ROOT); }

    public String description() { return description; }

    /** The formats a file can be in (all but AUTO). */
    public static LogFormat[] readable() {
        return Arrays.stream(values()).filter(f -> f != AUTO).toArray(LogFormat[]::new);
    }

    /** "VPC Flow Logs, …, Application Load Balancer access logs, … and CloudWatch web-traffic CSV export" in detection order. */
    public static String listInWords() {
        String[] d = Arrays.stream(readable()).map(LogFormat::description).toArray(String[]::new);
        return String.join(", ", Arrays.copyOf(d, d.length - 1)) + " and " + d[d.length - 1];
    }

    /** @throws IllegalArgumentException naming the choices */
    public static LogFormat parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "'; use "
                    + Arrays.stream(values()).map(LogFormat::cliName).collect(Collectors.joining(", ")));
        }
    }
}
