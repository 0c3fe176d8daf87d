// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.hostlist;

import dev.taw.analysis.IpStat;
import dev.taw.features.HostFeature;
import dev.taw.job.CancelToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a hosts CSV as the workbench writes it ({@code score --hosts}, or the Spark job's {@code hosts.csv}), by
 * column name, so a list with or without a context window's column, host traits or a host forest reads alike. A
 * line that cannot be read is named ("hosts.csv:12:5 (host_score): not a number 'x'") and skipped; a file that is
 * not a hosts list is refused in one line.
 */
public final class HostListReader {
    /** The columns every hosts list has. */
    static final List<String> REQUIRED = List.of("rank", "src_ip", "host_score", "host_label", "rows", "suspicious_rows", "why");
    static final Set<String> KNOWN = known();
    static final String JOB_HOSTS = "hosts.csv", JOB_REPORT = "report.txt";
    private static final int KEEP_PROBLEMS = 100;

    private HostListReader() { }

    /** The columns that are not host traits: the leading ones, the window's, the reasons. */
    private static Set<String> known() {
        Set<String> k = new java.util.HashSet<>(HostList.LEADING);
        k.add(HostList.WINDOW);
        k.add(HostList.WHY);
        return Set.copyOf(k);
    }

    /** True for a Spark job's output folder, or a file whose first line is a hosts list's header. */
    public static boolean isHostList(Path p) {
        try {
            if (Files.isDirectory(p)) return Files.isRegularFile(p.resolve(JOB_HOSTS)) && Files.isRegularFile(p.resolve(JOB_REPORT));
            if (!Files.isRegularFile(p)) return false;
            try (var r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                String first = r.readLine();
                return first != null && first.startsWith("rank,src_ip,") && first.endsWith(",why");
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // unreadable or not text: not ours to open this way
        }
    }

    /**
     * @param p a job's output folder (its hosts.csv, report.txt and model) or a hosts CSV
     * @throws IllegalArgumentException in one line naming the file, when it is not a hosts list
     */
    public static HostList read(Path p, CancelToken cancel) throws IOException {
        boolean folder = Files.isDirectory(p);
        Path csv = folder ? p.resolve(JOB_HOSTS) : p;
        if (!Files.exists(p)) throw new IllegalArgumentException(p + ": no such file or folder");
        if (!Files.isRegularFile(csv)) throw new IllegalArgumentException(p + ": not a job's output folder: it has no " + JOB_HOSTS);
        List<String> job = folder && Files.isRegularFile(p.resolve(JOB_REPORT)) ? jobLines(p.resolve(JOB_REPORT)) : List.of();
        Path model = folder ? modelIn(p) : null;
        String name = csv.getFileName().toString();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            var it = parser.iterator();
            List<String> header;
            try {
                if (!it.hasNext()) throw new IllegalArgumentException(csv + ": empty: not a hosts list");
                header = it.next().toList();
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                throw new IllegalArgumentException(csv + ": not a hosts list of the workbench: its first line is not a CSV header");
            }
            for (String c : REQUIRED) {
                if (!header.contains(c)) throw new IllegalArgumentException(csv + ": not a hosts list of the workbench: no column '" + c + "'");
            }
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < header.size(); i++) at.putIfAbsent(header.get(i), i);
            List<Integer> traitAt = new ArrayList<>();
            List<String> traits = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (!KNOWN.contains(header.get(i))) {
                    traitAt.add(i);
                    traits.add(header.get(i));
                }
            }
            Rows rows = new Rows(name, header, at, traitAt);
            while (true) {
                cancel.throwIfCancelled();
                CSVRecord rec;
                try {
                    if (!it.hasNext()) break;
                    rec = it.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                    rows.problem(parser.getCurrentLineNumber(), 1, "", "not CSV (" + why + "); the rest of the file cannot be read");
                    break;
                }
                rows.add(rec);
            }
            if (rows.hosts.isEmpty() && rows.skipped > 0) throw new IllegalArgumentException(csv + ": no host could be read; first: " + rows.problems.get(0));
            return new HostList(p.toString(), csv, at.containsKey(HostList.WINDOW), traits, rows.hosts, rows.traitValues, rows.why, job, model,
                    rows.problems, rows.skipped);
        }
    }

    /** A trait column's name in words, as the host forest names it ("ports" → "distinct destination ports"). */
    public static String traitLabel(String column) {
        for (HostFeature f : HostFeature.values()) if (f.column().equals(column)) return f.label();
        return column;
    }

    private static List<String> jobLines(Path report) throws IOException {
        try (Stream<String> s = Files.lines(report, StandardCharsets.UTF_8)) {
            return s.takeWhile(l -> !l.isEmpty()).limit(20).toList();
        }
    }

    private static Path modelIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".model") && !f.getFileName().toString().startsWith("_")).sorted().findFirst().orElse(null);
        }
    }

    /** The hosts read so far, and the lines that were not. */
    private static final class Rows {
        final String file;
        final List<String> header;
        final Map<String, Integer> at;
        final List<Integer> traitAt;
        final List<IpStat> hosts = new ArrayList<>();
        final List<double[]> traitValues = new ArrayList<>();
        final List<String> why = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        long skipped;

        Rows(String file, List<String> header, Map<String, Integer> at, List<Integer> traitAt) {
            this.file = file;
            this.header = header;
            this.at = at;
            this.traitAt = traitAt;
        }

        void problem(long line, int column, String name, String what) {
            skipped++;
            if (problems.size() < KEEP_PROBLEMS) problems.add(file + ":" + line + ":" + column + (name.isEmpty() ? "" : " (" + name + ")") + ": " + what);
        }

        void add(CSVRecord rec) {
            long line = rec.getParser().getCurrentLineNumber();
            if (rec.size() != header.size()) {
                problem(line, Math.min(rec.size(), header.size()) + 1, "", header.size() + " cells expected, " + rec.size() + " found");
                return;
            }
            try {
                int code = hosts.size();
                String ip = text(rec, "src_ip");
                long window = time(rec, HostList.WINDOW);
                double score = number(rec, "host_score", Double.NaN);
                double label = number(rec, "host_label", 0);
                if (label != 0 && label != 1 && label != -1) throw new Bad("host_label", "-1, 1 or empty expected, got '" + rec.get(at.get("host_label")) + "'");
                IpStat h = new IpStat(code, ip, text(rec, "country"), (long) number(rec, "rows", 0), (long) number(rec, "suspicious_rows", 0),
                        number(rec, "max_row_score", Double.NaN), number(rec, "bytes_in", 0), number(rec, "bytes_out", 0), score, (byte) label,
                        time(rec, "first_seen"), time(rec, "last_seen"), window);
                double[] traits = new double[traitAt.size()];
                for (int i = 0; i < traits.length; i++) traits[i] = number(rec, traitAt.get(i), Double.NaN);
                hosts.add(h);
                traitValues.add(traits);
                why.add(text(rec, HostList.WHY));
            } catch (Bad b) {
                problem(line, at.getOrDefault(b.column, 0) + 1, b.column, b.getMessage());
            }
        }

        private String text(CSVRecord rec, String column) {
            Integer i = at.get(column);
            return i == null ? "" : plain(rec.get(i));
        }

        private double number(CSVRecord rec, String column, double empty) throws Bad {
            Integer i = at.get(column);
            if (i == null) return empty;
            return number(rec, i, empty);
        }

        private double number(CSVRecord rec, int i, double empty) throws Bad {
            String v = rec.get(i);
            if (v.isEmpty()) return empty;
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new Bad(header.get(i), "not a number '" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'");
            }
        }

        private long time(CSVRecord rec, String column) throws Bad {
            String v = text(rec, column);
            if (v.isEmpty()) return IpStat.NEVER;
            try {
                return Instant.parse(v).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new Bad(column, "not a time '" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "' (ISO-8601 UTC expected)");
            }
        }

        /** A cell as it was before the writer neutralised it for spreadsheets ({@code '=…} back to {@code =…}). */
        private static String plain(String cell) {
            if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) return cell.substring(1);
            return cell;
        }
    }

    /** A cell that cannot be read: its column and why. */
    private static final class Bad extends Exception {
        final String column;

        Bad(String column, String why) {
            super(why, null, false, false);
            this.column = column;
        }
    }
}
