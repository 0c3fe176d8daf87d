// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Classes of IP addresses (private, shared, reserved, public), shared by the importers that orient flows and the offline GeoIP that must not give a private address a country.
 */
package dev.taw.net;
