// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Turns imported rows into the numbers the Isolation Forest sees: log-scaled volumes, the out/in ratio,
 * session length, port, status class, how rare the protocol and country are, and per-source-IP context.
 * Which features are used is a {@link dev.taw.features.FeatureSet} the analyst can change.
 */
package dev.taw.features;
