// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Isolation Forest: settings, a reproducible fit built from Smile's own {@code IsolationTree}s on
 * seeded ψ-row samples (the paper's algorithm, which Smile 3.1.1's {@code fit} is not), a fast scorer over
 * those same trees, and the contamination threshold that turns scores into labels (-1 suspicious, 1 normal).
 */
package dev.taw.model;
