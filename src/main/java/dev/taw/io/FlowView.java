// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import java.util.Locale;

/** How flow logs are shown: joined into connections (request and reply as one row), or one row per record. */
public enum FlowView {
    CONNECTIONS, RECORDS;

    /** "connections" or "records", as {@code --flows} takes it. */
    public String cliName() { return name().toLowerCase(Locale.ROOT); }

    public static FlowView parse(String text) {
        for (FlowView v : values()) if (v.cliName().equals(text.toLowerCase(Locale.ROOT))) return v;
        throw new IllegalArgumentException("must be connections or records, got '" + text + "'");
    }
}
