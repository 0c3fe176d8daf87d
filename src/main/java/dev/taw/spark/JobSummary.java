// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a job did, for its log and for {@code OUT/report.txt}: counts, then the first bad lines and the files that were not logs. */
record JobSummary(HadoopFiles.Listing listing, FileReports files, int parts, boolean joined, long records, long hosts, String model, boolean fitted,
                  String out, double seconds, List<String> steps) {

    List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add(String.format(Locale.ROOT, "Read %,d files (%,d outside the window not read): %,d records, %,d imported, %,d bad lines skipped%s",
                listing.files().size(), listing.outsideWindow(), files.read(), files.imported(), files.skipped(),
                files.notLogs().isEmpty() ? "" : String.format(Locale.ROOT, ", %,d files not traffic logs", files.notLogs().size())));
        l.add(String.format(Locale.ROOT, "Scored %,d %s in %,d parts against %s%s", records, joined ? "connections" : "records", parts, model,
                fitted ? " (fitted on a sample, saved in " + out + "/" + model + ")" : ""));
        l.add(String.format(Locale.ROOT, "Wrote %s/records (Parquet by date), %s/hosts and %s/hosts.csv: %,d hosts; %.1f s", out, out, out, hosts, seconds));
        l.add("Steps: " + String.join("; ", steps));
        return l;
    }

    List<String> report() {
        List<String> r = new ArrayList<>(lines());
        if (!files.issues().isEmpty()) {
            r.add("");
            r.add("First bad lines (file:line: what was wrong):");
            files.issues().forEach(i -> r.add("  " + i));
        }
        if (!files.notLogs().isEmpty()) {
            r.add("");
            r.add("Files that are not traffic logs, skipped:");
            files.notLogs().forEach(n -> r.add("  " + n));
        }
        return r;
    }
}
