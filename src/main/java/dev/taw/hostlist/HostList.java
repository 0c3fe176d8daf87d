// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.hostlist;

import dev.taw.analysis.IpStat;
import java.nio.file.Path;
import java.util.List;

/**
 * Hosts as a hosts CSV ranks them, read back.
 *
 * @param source    the file or job folder read, as the analyst named it
 * @param windowed  true when hosts are addresses within context windows ({@code window_start})
 * @param traits    the host-trait columns, in order (empty where no host forest ran)
 * @param hosts     ranked as the file ranks them; {@link IpStat#code()} is the index in this list
 * @param traitValues per host, its traits' values in the analyst's unit, in {@code traits} order
 * @param why       per host, the reasons in words
 * @param job       what the Spark job said it did ({@code report.txt}), or empty for a CLI hosts file
 * @param model     the model file beside the job's output, or null
 * @param skipped   lines that could not be read, each "file:line:column: what was wrong" (the first hundred)
 * @param skippedCount all such lines
 */
public record HostList(String source, Path csv, boolean windowed, List<String> traits, List<IpStat> hosts, List<double[]> traitValues, List<String> why,
                       List<String> job, Path model, List<String> skipped, long skippedCount) {
    /** A hosts CSV's columns before the host traits, as the workbench writes them (and reads them back). */
    public static final List<String> LEADING = List.of("rank", "src_ip", "country", "host_score", "host_label", "rows", "suspicious_rows",
            "max_row_score", "bytes_in", "bytes_out", "first_seen", "last_seen");
    /** With a context window, the column after the address: the start of the host's window. */
    public static final String WINDOW = "window_start";
    /** The last column: the reasons in words. */
    public static final String WHY = "why";

    public HostList {
        traits = List.copyOf(traits);
        hosts = List.copyOf(hosts);
        traitValues = List.copyOf(traitValues);
        why = List.copyOf(why);
        job = List.copyOf(job);
        skipped = List.copyOf(skipped);
    }

    /** Hosts the file labels suspicious (host_label -1). */
    public long suspicious() {
        return hosts.stream().filter(h -> h.hostLabel() < 0).count();
    }

    /** True when the hosts were scored by a host forest (the file has host scores). */
    public boolean scored() {
        return hosts.stream().anyMatch(IpStat::hasHostScore);
    }

    public String whyOf(IpStat h) {
        return why.get(h.code());
    }
}
