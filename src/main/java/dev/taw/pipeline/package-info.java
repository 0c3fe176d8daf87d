// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The one entry point the window and the command line both call: import → features → forest → findings.
 * Because both shells go through here, the same file, settings and seed give the same scores in each.
 */
package dev.taw.pipeline;
