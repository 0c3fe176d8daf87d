// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CloudWatch web-traffic CSV export: header by name in any order, quoted fields over several lines, big files read in two halves.
 */
package dev.taw.io.csv;
