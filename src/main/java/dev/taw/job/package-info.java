// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The job plumbing every long piece of work shares: cooperative cancellation, progress in the analyst's words, and the core's threads (one pool, in-order windows, named helper threads). The bottom layer: it uses nothing else of the workbench.
 */
package dev.taw.job;
