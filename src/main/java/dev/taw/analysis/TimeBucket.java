// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/** Rows whose time falls in [start, start + width). */
public record TimeBucket(long startMillis, long widthMillis, long rows, long suspicious) { }
