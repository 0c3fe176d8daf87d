// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.Formats;
import dev.taw.baseline.Baseline;
import dev.taw.io.FileNames;
import dev.taw.io.ImportException;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.pipeline.AnalysisPipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Locale;

/**
 * {@code train INPUT --model BASELINE.model [options]}: fits both forests on known-good traffic and saves the
 * baseline that {@code score --model} judges new logs by.
 */
public final class TrainCommand {
    private final PrintStream out;
    private final PrintStream err;

    public TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return the process exit status */
    public int run(String[] args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.print(ScoreOptions.TRAIN_HELP);
                return 0;
            }
        }
        ScoreOptions o;
        try {
            o = ScoreOptions.parse(args, true);
        } catch (UsageException e) {
            err.println("traffic-workbench train: " + e.getMessage());
            return 2;
        }
        try {
            execute(o);
            return 0;
        } catch (ImportException | IllegalArgumentException e) {
            err.println("traffic-workbench train: " + e.getMessage());
        } catch (IOException e) {
            err.println("traffic-workbench train: cannot write " + (e.getMessage() == null ? o.model() : e.getMessage()));
        } catch (OutOfMemoryError e) {
            err.println("traffic-workbench train: out of memory; run with a larger -Xmx");
        }
        return 1;
    }

    private void execute(ScoreOptions o) throws IOException {
        dev.taw.pipeline.Exports.refuseInput(o.model(), o.input());
        AnalysisPipeline pipeline = AnalysisPipeline.withCountryDatabaseOrBundled(o.geoip()).withFlows(o.flows());
        ImportResult imported = pipeline.importFile(o.input(), o.format(), ProgressListener.NONE, CancelToken.NEVER);
        Analysis a = pipeline.analyze(imported, o.features(), o.settings(), ProgressListener.NONE, CancelToken.NEVER);
        Baseline b = pipeline.saveModel(a, FileNames.of(o.input()), o.model());
        if (o.quiet()) return;
        out.print(imported.report().describe());
        out.println("Baseline " + b.describe());
        out.println("Features used: " + String.join(", ", a.matrix().features().stream().map(x -> x.label()).toList()));
        a.matrix().leftOut().forEach((feat, why) -> out.println("  left out: " + feat.label() + " (" + why + ")"));
        out.printf(Locale.ROOT, "Row score cut-off %s (flags %s of the baseline's rows at contamination %s)%n", Formats.score(b.rowCutOff()),
                Formats.count(count(a.scores(), b.rowCutOff())), o.settings().contamination());
        if (b.hosts() != null) {
            out.printf(Locale.ROOT, "Host score cut-off %s (flags %s of its %s source hosts at host contamination %s); host traits: %s%n",
                    Formats.score(b.hostCutOff()), Formats.count(count(a.hostScores().scores(), b.hostCutOff())), Formats.count(b.trained().hosts()),
                    o.settings().hostContamination(), String.join(", ", b.hosts().features().stream().map(f -> f.label()).toList()));
        } else {
            out.println("No host forest: the baseline has fewer than " + dev.taw.analysis.HostScores.MIN_HOSTS + " source hosts; scores against it rank hosts by their rows");
        }
        out.printf(Locale.ROOT, "Wrote %s (%s)%n", FileNames.of(o.model()), Formats.bytes(Files.size(o.model())));
    }

    private static long count(double[] scores, double cut) {
        long n = 0;
        for (double s : scores) if (s >= cut) n++;
        return n;
    }
}
