// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The imported log held in memory as typed columns: numbers as {@code double[]}, timestamps as epoch
 * milliseconds in {@code long[]}, and text dictionary-encoded so that an IP or a country seen a million
 * times is stored once. Knows nothing about files, features or JavaFX.
 */
package dev.taw.table;
