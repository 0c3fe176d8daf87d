// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import dev.taw.analysis.RowFilter;
import dev.taw.table.Role;
import java.util.List;
import java.util.Locale;

/** {@code --where FIELD=VALUE}: the command line's way to the window's filters (a clicked country, IP, port, …). */
final class WhereFilter {
    /** The roles a view can be narrowed by, as the window's charts and tables offer them. */
    static final List<String> FIELDS = List.of(Role.SRC_IP.header(), Role.SRC_IP_COUNTRY_CODE.header(), Role.DST_PORT.header(),
            Role.PROTOCOL.header(), Role.RESPONSE_CODE.header());

    /** Shorter names an analyst types. */
    private static final java.util.Map<String, Role> ALIASES = java.util.Map.of("country", Role.SRC_IP_COUNTRY_CODE, "ip", Role.SRC_IP,
            "port", Role.DST_PORT);

    private WhereFilter() { }

    /** @throws IllegalArgumentException naming what is wrong and what is allowed */
    static RowFilter parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("expected FIELD=VALUE, got '" + text + "'");
        String field = text.substring(0, eq).strip(), value = text.substring(eq + 1).strip();
        if (field.equalsIgnoreCase("label")) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "suspicious", "-1" -> new RowFilter.Label(true);
                case "normal", "1" -> new RowFilter.Label(false);
                default -> throw new IllegalArgumentException("label must be suspicious or normal, got '" + value + "'");
            };
        }
        Role role = ALIASES.containsKey(field.toLowerCase(Locale.ROOT)) ? ALIASES.get(field.toLowerCase(Locale.ROOT)) : Role.byHeader(field).filter(f -> FIELDS.contains(f.header()))
                .orElseThrow(() -> new IllegalArgumentException("unknown field '" + field + "'; use label, country, ip, port or one of " + String.join(", ", FIELDS)));
        return new RowFilter.Equals(role, value);
    }
}
