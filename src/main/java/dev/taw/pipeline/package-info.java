// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The one seam the window and the command line both call: import (with countries from GeoIP), analysis (row forest, then host forest) and every export, with one rule for what an export of a filtered view holds. Because both shells go through here, the same file, settings and seed give the same scores and the same files in each.
 */
package dev.taw.pipeline;
