// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.csv;

import dev.taw.io.ImportException;
import dev.taw.io.TableAssembler;
import dev.taw.table.Column;
import dev.taw.table.Role;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a CSV export's header says: the delimiter (comma, semicolon or tab, whichever the header has most of),
 * the column names, how each column is parsed and which role each plays (by name, ignoring case and
 * punctuation). A missing required column is named in the error.
 */
record CsvHeader(char delimiter, CSVFormat format, String[] names, Role.Kind[] kinds, Map<Role, Integer> roles) {

    /** Adds the built columns, with the roles their names play; the others are extras. @return the extras' names */
    List<String> into(TableAssembler a, Column[] built) {
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int column = i;
            Role[] plays = roles.entrySet().stream().filter(e -> e.getValue() == column).map(Map.Entry::getKey).toArray(Role[]::new);
            if (plays.length == 0) extra.add(names[i]);
            a.field(built[i], plays);
        }
        return extra;
    }

    /** @param line the header's line number, for messages */
    static CsvHeader parse(String file, long line, String header) {
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') header = header.substring(1);
        char delimiter = sniffDelimiter(header);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        List<String> cells = cells(header, format);
        if (cells == null) throw new ImportException(file + ":" + line + ": the header has an unterminated quote");
        String[] headers = cells.stream().map(String::strip).toArray(String[]::new);
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        Role.Kind[] kinds = new Role.Kind[headers.length];
        for (int i = 0; i < headers.length; i++) {
            Role f = Role.byHeader(headers[i]).orElse(null);
            if (f != null && !roles.containsKey(f)) {
                roles.put(f, i);
                kinds[i] = f.kind();
            } else {
                kinds[i] = Role.Kind.TEXT;
            }
        }
        for (Role f : Role.values()) {
            if (f.required() && !roles.containsKey(f)) {
                throw new ImportException(file + ":" + line + ": required column '" + f.header() + "' is missing (columns found: "
                        + String.join(", ", headers) + ")");
            }
        }
        return new CsvHeader(delimiter, format, headers, kinds, roles);
    }

    private static char sniffDelimiter(String header) {
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    /** @return the cells of one record, or null when a quoted field is not closed */
    static List<String> cells(String text, CSVFormat format) {
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(format).get()) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) return records.isEmpty() ? List.of("") : null;
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }
}
