// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reading log files: opening plain or gzip files (magic bytes, truncated gzip, binary files refused), lines read as bytes with a length limit, gunzip and field splitting ahead on threads of their own, and the per-line bookkeeping every line-based importer shares.
 */
package dev.taw.io.read;
