// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A ranked hosts list read back: the {@code --hosts} file of the command line, or the output folder of the Spark
 * job (its {@code hosts.csv}, {@code report.txt} and model), so that the desktop can show and report on what a
 * cluster found without the billions of rows behind it.
 */
package dev.taw.hostlist;
