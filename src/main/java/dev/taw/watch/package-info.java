// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Monitoring a folder against a baseline: which files are complete, scoring each once in arrival order, alerts as
 * OCSF Detection Findings appended in whole lines, and the state that lets a restart neither repeat nor skip a file.
 */
package dev.taw.watch;
