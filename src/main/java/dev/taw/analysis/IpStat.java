// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/** One source IP's rows, suspicious rows, highest score and total volume. */
public record IpStat(String ip, String country, long rows, long suspicious, double maxScore, double bytesIn, double bytesOut) { }
