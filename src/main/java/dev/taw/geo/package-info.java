// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Offline IP → country for logs that carry no country: a MaxMind DB read with MaxMind's own reader (the
 * bundled registry database, or the analyst's GeoLite2 / DB-IP / IPinfo file), with private, shared and
 * reserved ranges labelled as such and never given a country.
 */
package dev.taw.geo;
