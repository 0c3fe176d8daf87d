// SPDX-License-Identifier: GPL-3.0-or-later
/** The headless command line ({@code traffic-workbench score …}) over the same pipeline the window uses. */
package dev.taw.cli;
