// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Any file or folder: the format detected from the content (never the file name), or the one the analyst names; folders read on every core and joined column by column.
 */
package dev.taw.io.detect;
