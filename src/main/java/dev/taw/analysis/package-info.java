// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the analyst reads off a scored log: counts, breakdowns by country, protocol, port and status,
 * the top suspicious source IPs, anomalies over time, score and volume distributions already binned for
 * charts, row filters for linked views, and plain-words explanations of why a row scored high.
 */
package dev.taw.analysis;
