// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/**
 * One source IP's rows, suspicious rows, highest row score and total volume; with host scoring, the
 * host's own score (NaN without) and why the host stands out.
 */
public record IpStat(String ip, String country, long rows, long suspicious, double maxScore, double bytesIn, double bytesOut,
                     double hostScore, String why) { }
