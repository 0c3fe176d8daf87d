// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Turns a log into the numbers the forests see: per row (log-scaled volumes, the out/in ratio, session length, port, status class, rarities, what its source IP did) and per host (flows, ports and hosts touched, denied and failed shares, paths, tool agents, volume, timing), from one profile of the source IPs per analysis. Which row features are used is a FeatureSet the analyst can change.
 */
package dev.taw.features;
