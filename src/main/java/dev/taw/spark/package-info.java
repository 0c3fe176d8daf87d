// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The workbench as an Apache Spark job, for logs that outgrow one machine: the files are read, joined into
 * connections and scored by the core's own code inside Spark tasks ({@link dev.taw.pipeline.LogParts}); Spark only
 * lists the input, moves the rows between tasks (by address pair, then by source host) and writes the output.
 * Spark is a provided dependency: nothing outside this package imports it, and the desktop never starts it.
 */
package dev.taw.spark;
