// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A finished run and what the analyst reads off it: every row's score, the host forest's ranking of source IPs, counts and breakdowns by country, protocol, port and verdict or status, anomalies over time, score and volume distributions already binned for charts, row filters for linked views, and explanations in words (one what-if for rows and hosts).
 */
package dev.taw.analysis;
