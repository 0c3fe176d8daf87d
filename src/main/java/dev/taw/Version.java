// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

/** The application's version, from the jar manifest (Maven writes it); "development build" when run from classes. */
public final class Version {
    private Version() { }

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
