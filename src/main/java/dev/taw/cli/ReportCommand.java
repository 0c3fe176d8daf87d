// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import dev.taw.analysis.Formats;
import dev.taw.hostlist.HostList;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.pipeline.HostLists;
import dev.taw.report.Paper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code report HOSTS --output REPORT.pdf}: the PDF report of a hosts list, the Spark job's output folder or a
 * {@code score --hosts} file, without the rows behind it.
 */
public final class ReportCommand {
    static final String HELP = "Usage: traffic-workbench report JOB_OUTPUT|HOSTS.csv --output REPORT.pdf [options]\n\n"
            + "Makes the PDF report of a ranked hosts list: the output folder of the Spark job (its hosts.csv,\n"
            + "report.txt and model) or a file written by 'score --hosts'. What the job did, the host score\n"
            + "distribution, hosts by country, the top hosts and why they stand out. Written whole or not at all.\n\n"
            + "Options:\n"
            + "  -o, --output FILE          the PDF to write (required)\n"
            + "      --paper a4|letter      paper size (default a4)\n"
            + "  -q, --quiet                print only errors\n"
            + "  -h, --help                 show this help\n\n"
            + "Exit status: 0 success, 1 the list could not be read or the report not written, 2 a mistake in the\n"
            + "command line.\n";

    private final PrintStream out;
    private final PrintStream err;

    public ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return the process exit status */
    public int run(String[] args) {
        Path input = null, output = null;
        Paper paper = Paper.A4;
        boolean quiet = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.print(HELP);
                        return 0;
                    }
                    case "-o", "--output" -> output = Path.of(ScoreOptions.value(args, ++i, a));
                    case "--paper" -> paper = ScoreOptions.paper(ScoreOptions.value(args, ++i, a));
                    case "-q", "--quiet" -> quiet = true;
                    default -> {
                        if (a.startsWith("-")) throw new UsageException("unknown option " + a + " (see --help)");
                        if (input != null) throw new UsageException("one hosts list, got " + input + " and " + a);
                        input = Path.of(a);
                    }
                }
            }
            if (input == null) throw new UsageException("missing JOB_OUTPUT folder or HOSTS.csv (see --help)");
            if (output == null) throw new UsageException("missing --output REPORT.pdf (see --help)");
        } catch (UsageException e) {
            err.println("traffic-workbench report: " + e.getMessage());
            return 2;
        }
        try {
            HostList list = HostLists.open(input, new CancelToken());
            var written = HostLists.report(list, output, paper, ProgressListener.NONE, new CancelToken());
            if (!quiet) {
                out.printf(Locale.ROOT, "Read %s hosts (%s suspicious) from %s%s%n", Formats.count(list.hosts().size()), Formats.count(list.suspicious()),
                        list.csv(), list.skippedCount() == 0 ? "" : "; " + Formats.count(list.skippedCount()) + " lines skipped, first: " + list.skipped().get(0));
                out.println(written.sentence());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("traffic-workbench report: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            err.println("traffic-workbench report: cannot read " + input + ": " + e.getCause().getMessage());
        } catch (IOException e) {
            err.println("traffic-workbench report: cannot write " + (e.getMessage() == null ? output : e.getMessage()));
        } catch (OutOfMemoryError e) {
            err.println("traffic-workbench report: out of memory; run with a larger -Xmx");
        }
        return 1;
    }
}
