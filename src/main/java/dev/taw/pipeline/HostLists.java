// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.hostlist.HostList;
import dev.taw.hostlist.HostListReader;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.report.HostListReportWriter;
import dev.taw.report.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the shells do with a hosts list (a Spark job's output folder, or a {@code --hosts} file): open it, and
 * make its PDF report. Nothing here reads the rows behind the hosts.
 */
public final class HostLists {
    private HostLists() { }

    /** True for a job's output folder, or a file that starts with a hosts list's header. */
    public static boolean isHostList(Path p) {
        return HostListReader.isHostList(p);
    }

    /** @throws IllegalArgumentException in one line naming the file, when it is not a hosts list */
    public static HostList open(Path p, CancelToken cancel) throws IOException {
        return HostListReader.read(p, cancel);
    }

    /**
     * The list's PDF report, written whole to {@code target}; never over the list, nor anywhere inside the job's
     * output folder it came from (its report.txt and model are inputs too).
     */
    public static Exports.Written report(HostList list, Path target, Paper paper, ProgressListener progress, CancelToken cancel) throws IOException {
        Exports.refuseInput(target, Path.of(list.source()));
        new HostListReportWriter().write(list, target, paper, Instant.now(), progress, cancel);
        return new Exports.Written(target, list.hosts().size(), list.hosts().size(), "all rows", "hosts");
    }
}
