// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Amazon VPC Flow Logs: the format catalogue, the byte-level record parser, and the orientation rule that makes the outside host the source of every record.
 */
package dev.taw.io.flow;
