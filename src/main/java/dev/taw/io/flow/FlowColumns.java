// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import dev.taw.io.TableAssembler;
import dev.taw.table.Column;
import dev.taw.table.Interner;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow-log file's own fields as columns, one per field name in the order first seen (a header recurring
 * mid-file can only repeat the list): numbers, times, or text, addresses sharing one dictionary.
 */
final class FlowColumns {
    private final Map<String, TextColumn.Builder> text = new LinkedHashMap<>();
    private final Map<String, NumberColumn.Builder> numbers = new HashMap<>();
    private final Map<String, TimeColumn.Builder> times = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Interner addresses;

    FlowColumns(Interner addresses) {
        this.addresses = addresses;
    }

    /** Makes a column for each name not seen yet. */
    void addFields(String[] names) {
        for (String f : names) {
            if (order.contains(f)) continue;
            order.add(f);
            if (FlowFields.NUMERIC.contains(f)) numbers.put(f, new NumberColumn.Builder(f));
            else if (FlowFields.TIMES.contains(f)) times.put(f, new TimeColumn.Builder(f));
            else text.put(f, FlowFields.ADDRESSES.contains(f) ? new TextColumn.Builder(f, addresses) : new TextColumn.Builder(f));
        }
    }

    /** The number column of each position of {@code names} (null where the field is not a number). */
    NumberColumn.Builder[] numbers(String[] names) {
        NumberColumn.Builder[] b = new NumberColumn.Builder[names.length];
        for (int i = 0; i < names.length; i++) b[i] = numbers.get(names[i]);
        return b;
    }

    TimeColumn.Builder[] times(String[] names) {
        TimeColumn.Builder[] b = new TimeColumn.Builder[names.length];
        for (int i = 0; i < names.length; i++) b[i] = times.get(names[i]);
        return b;
    }

    TextColumn.Builder[] texts(String[] names) {
        TextColumn.Builder[] b = new TextColumn.Builder[names.length];
        for (int i = 0; i < names.length; i++) b[i] = text.get(names[i]);
        return b;
    }

    /** The text of a value of a text field, by its code. */
    String value(String field, int code) {
        return text.get(field).value(code);
    }

    private String[] protocolByCode = new String[16]; // the protocol column's code → its name (TCP, UDP, IP 47…)

    /** The name of a protocol number, by its code in the protocol column (-1: the format has none); once per distinct value. */
    String protocolName(int code) {
        if (code < 0) return "";
        if (code >= protocolByCode.length) protocolByCode = Arrays.copyOf(protocolByCode, Math.max(code + 1, protocolByCode.length * 2));
        String name = protocolByCode[code];
        if (name == null) {
            String p = value("protocol", code);
            name = protocolByCode[code] = p.equals("-") ? "" : FlowFields.PROTOCOLS.getOrDefault(p, "IP " + p);
        }
        return name;
    }

    /** Adds every field's column, with the roles flow logs give them; unknown field names are extras. */
    List<String> into(TableAssembler a) {
        for (String f : order) {
            Column c = FlowFields.NUMERIC.contains(f) ? numbers.get(f).build() : FlowFields.TIMES.contains(f) ? times.get(f).build() : text.get(f).build();
            Role[] plays = switch (f) {
                case "start" -> new Role[] {Role.TIME, Role.CREATION_TIME};
                case "end" -> new Role[] {Role.END_TIME};
                case "action" -> new Role[] {Role.VERDICT}; // ACCEPT / REJECT
                default -> new Role[0];
            };
            a.field(c, plays);
        }
        return order.stream().filter(f -> !FlowFields.KNOWN.contains(f)).toList();
    }
}
