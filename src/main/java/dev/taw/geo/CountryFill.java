// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.geo;

import dev.taw.table.Column;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Gives rows a source country where the input has none: adds {@code src_ip_country_code} when the column
 * is missing, or fills its empty cells. One look-up per distinct address (the IP column is dictionary
 * encoded, so the memo is free); the import summary says which database was used and how many were filled.
 */
public final class CountryFill {
    private CountryFill() { }

    /** True when rows have a source IP but some have no country. */
    public static boolean needed(Table t) {
        if (t.text(Role.SRC_IP).isEmpty()) return false;
        TextColumn existing = t.text(Role.SRC_IP_COUNTRY_CODE).orElse(null);
        return existing == null || anyMissing(existing);
    }

    /**
     * The table with countries filled in, and the sentence the import summary gives for it.
     *
     * @param note e.g. "src_ip_country_code added: 1,234 row(s) given a country from 56 distinct address(es) — …"
     */
    public record Filled(Table table, String note) { }

    /**
     * The country of each of a source column's distinct addresses, by code ({@link #ahead}). A table made from
     * {@code t} whose source column keeps the same dictionary (a flow log's records joined into connections) uses
     * them as they are.
     */
    public record Countries(String[] addresses, String[] country) { }

    /**
     * Looks up the countries of {@code t}'s source addresses on the calling thread alone: for work beside another
     * that holds the other core (the join of a flow log's records takes one core for a fifth of a second).
     */
    public static Countries ahead(Table t, GeoIp geo) {
        String[] addresses = t.text(Role.SRC_IP).orElseThrow().dictionary();
        String[] country = new String[addresses.length];
        for (int c = 0; c < addresses.length; c++) country[c] = geo.country(addresses[c]);
        return new Countries(addresses, country);
    }

    /** @return the filled table, or null when no row needs a country */
    public static Filled apply(Table t, GeoIp geo) {
        return apply(t, geo, null);
    }

    /** @param ahead countries looked up ahead ({@link #ahead}), used when they are of {@code t}'s addresses; else null */
    public static Filled apply(Table t, GeoIp geo, Countries ahead) {
        if (!needed(t)) return null;
        TextColumn ip = t.text(Role.SRC_IP).orElseThrow();
        TextColumn existing = t.text(Role.SRC_IP_COUNTRY_CODE).orElse(null);
        String[] byIp;
        if (ahead != null && ahead.addresses() == ip.dictionary()) {
            byIp = ahead.country();
        } else {
            byIp = new String[ip.distinctCount()];
            // the database is read-only and its reader shared safely between threads; a log has tens of thousands of addresses
            IntStream.range(0, byIp.length).parallel().forEach(c -> byIp[c] = geo.country(ip.dictionary()[c]));
        }
        TextColumn.Builder b = new TextColumn.Builder(existing != null ? existing.name() : Role.SRC_IP_COUNTRY_CODE.header());
        int[] codeOfIp = new int[byIp.length]; // the country's code in the new column, looked up once per address
        Arrays.fill(codeOfIp, -1);
        int filled = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (existing != null && !existing.isMissing(r)) {
                b.add(existing.format(r));
            } else {
                int a = ip.code(r);
                if (codeOfIp[a] < 0) codeOfIp[a] = b.codeOf(byIp[a]); // in order of first row, as adding each row's text would give
                if (codeOfIp[a] != 0) filled++;
                b.addCode(codeOfIp[a]);
            }
        }
        TextColumn country = b.build();
        List<Column> columns = new ArrayList<>(t.columns());
        if (existing != null) columns.set(columns.indexOf(existing), country);
        else columns.add(country);
        Map<Role, Column> roles = new EnumMap<>(Role.class);
        roles.putAll(t.roles());
        roles.put(Role.SRC_IP_COUNTRY_CODE, country);
        Table filledTable = new Table(t.rowCount(), columns, roles, t.sourceLines());
        String note = String.format("%s: %,d row(s) given a country from %,d distinct address(es) — %s",
                existing == null ? "src_ip_country_code added" : "empty src_ip_country_code cells filled", filled, byIp.length - 1, geo.describe());
        return new Filled(filledTable, note);
    }

    private static boolean anyMissing(TextColumn c) {
        for (int r = 0; r < c.size(); r++) if (c.isMissing(r)) return true;
        return false;
    }
}
