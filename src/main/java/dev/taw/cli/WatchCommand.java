// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import dev.taw.baseline.Baseline;
import dev.taw.io.FileNames;
import dev.taw.io.LogFormat;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.watch.FolderWatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * {@code watch FOLDER --model BASELINE.model --alerts ALERTS.jsonl [options]}: scores each new complete log file
 * of a folder against a baseline and appends an OCSF alert per suspicious host, until Ctrl+C or SIGTERM, which
 * finish the current file and save the state.
 */
public final class WatchCommand {
    static final String HELP = "Usage: traffic-workbench watch FOLDER --model BASELINE.model --alerts ALERTS.jsonl [options]\n\n"
            + "Watches a folder and its subfolders (a bucket prefix kept in sync by 'aws s3 sync', a log shipper's\n"
            + "output) and scores each new complete log file once, in arrival order, against a baseline saved by\n"
            + "'traffic-workbench train'. Every suspicious source host becomes one alert, an OCSF 1.1 Detection\n"
            + "Finding (class 2004) on one JSON line appended to ALERTS: time, severity, the host, the reasons in\n"
            + "words, the file and its lines, the model. What has been done is saved after every file, so a restart\n"
            + "neither repeats nor skips one. A bad file is reported and skipped. Ctrl+C or SIGTERM finishes the\n"
            + "file being scored, saves the state and stops. One line is printed per file.\n\n"
            + "Options:\n"
            + "      --model FILE           the baseline to judge by (required)\n"
            + "      --alerts FILE          the JSON lines file the alerts are appended to (required)\n"
            + "      --state FILE           what has been done (default: ALERTS.state, beside the alerts)\n"
            + "      --interval DURATION    how often to look for new files (default 10s; as 500ms, 10s, 5m, 1h)\n"
            + "      --settle DURATION      a file is complete once its size and time are unchanged this long\n"
            + "                             (default 30s)\n"
            + "      --give-up DURATION     a gzip file without its end is waited for this long after its last\n"
            + "                             change, then scored as far as it goes (default 10m)\n"
            + "      --rows                 also an alert for each suspicious row (at the row contamination)\n"
            + "      --skip-existing        on the first start, record the files already there as skipped\n"
            + "      --once                 one pass over the files complete now, then exit (for cron, a timer)\n"
            + "      --format, --geoip, --contamination, --host-contamination\n"
            + "                             as for score (see traffic-workbench score --help)\n"
            + "  -q, --quiet                print only errors\n"
            + "  -h, --help                 show this help\n\n"
            + "Exit status: 0 stopped as asked (or the pass is done), 1 the model, the alerts or the state could not\n"
            + "be read or written, 2 a mistake in the command line.\n";

    private final PrintStream out;
    private final PrintStream err;

    public WatchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return the process exit status */
    public int run(String[] args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.print(HELP);
                return 0;
            }
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (UsageException e) {
            err.println("traffic-workbench watch: " + e.getMessage());
            return 2;
        }
        try {
            return execute(o);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("traffic-workbench watch: " + e.getMessage());
        } catch (IOException e) {
            err.println("traffic-workbench watch: cannot write " + (e.getMessage() == null ? o.alerts() : e.getMessage()));
        }
        return 1;
    }

    private int execute(Options o) throws IOException {
        Baseline b = AnalysisPipeline.loadModel(o.model());
        String name = FileNames.of(o.model());
        AnalysisPipeline pipeline = AnalysisPipeline.withCountryDatabaseOrBundled(o.geoip()).withBaseline(b, name);
        FolderWatch.Settings s = new FolderWatch.Settings(o.folder(), o.alerts(), o.state(), o.format(), o.interval(), o.settle(), o.giveUp(), o.rows(),
                o.skipExisting(), o.once(), o.contamination(), o.hostContamination());
        FolderWatch watch = new FolderWatch(pipeline, b, name, s, line -> {
            if (!o.quiet()) out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
        });
        // SIGTERM (systemd's stop) and Ctrl+C run the hooks: the watch finishes its file and saves before the JVM ends
        Thread hook = new Thread(() -> {
            watch.stop();
            try {
                watch.awaitFinished(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            watch.run();
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what is stopping us
            }
        }
    }

    /** The parsed {@code watch} command line. */
    record Options(Path folder, Path model, Path alerts, Path state, Duration interval, Duration settle, Duration giveUp, boolean rows,
                   boolean skipExisting, boolean once, LogFormat format, Path geoip, Double contamination, Double hostContamination, boolean quiet) {

        static Options parse(String[] args) throws UsageException {
            Path folder = null, model = null, alerts = null, state = null, geoip = null;
            Duration interval = Duration.ofSeconds(10), settle = Duration.ofSeconds(30), giveUp = Duration.ofMinutes(10);
            boolean rows = false, skip = false, once = false, quiet = false;
            LogFormat format = LogFormat.AUTO;
            Double contamination = null, hostContamination = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                try {
                    switch (a) {
                        case "--model" -> model = Path.of(ScoreOptions.value(args, ++i, a));
                        case "--alerts" -> alerts = Path.of(ScoreOptions.value(args, ++i, a));
                        case "--state" -> state = Path.of(ScoreOptions.value(args, ++i, a));
                        case "--interval" -> interval = duration(ScoreOptions.value(args, ++i, a), a);
                        case "--settle" -> settle = duration(ScoreOptions.value(args, ++i, a), a);
                        case "--give-up" -> giveUp = duration(ScoreOptions.value(args, ++i, a), a);
                        case "--rows" -> rows = true;
                        case "--skip-existing" -> skip = true;
                        case "--once" -> once = true;
                        case "--format" -> format = LogFormat.parse(ScoreOptions.value(args, ++i, a));
                        case "--geoip" -> geoip = Path.of(ScoreOptions.value(args, ++i, a));
                        // checked as score checks them, by the settings they become
                        case "--contamination" -> contamination = ForestSettings.defaults().withContamination(number(ScoreOptions.value(args, ++i, a), a)).contamination();
                        case "--host-contamination" -> hostContamination = ForestSettings.defaults().withHostContamination(number(ScoreOptions.value(args, ++i, a), a))
                                .hostContamination();
                        case "-q", "--quiet" -> quiet = true;
                        default -> {
                            if (a.startsWith("-")) throw new UsageException("unknown option " + a + " (see --help)");
                            if (folder != null) throw new UsageException("one FOLDER to watch, got " + folder + " and " + a);
                            folder = Path.of(a);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new UsageException(a + ": " + e.getMessage());
                }
            }
            if (folder == null) throw new UsageException("missing FOLDER to watch (see --help)");
            if (model == null) throw new UsageException("missing --model FILE, the baseline to judge by (train one with traffic-workbench train)");
            if (alerts == null) throw new UsageException("missing --alerts FILE to append the alerts to");
            if (state == null) state = alerts.resolveSibling(alerts.getFileName() + ".state");
            if (interval.isZero()) throw new UsageException("--interval must be more than 0");
            for (Path p : new Path[] {alerts, state}) {
                if (same(p, model)) throw new UsageException(p + " is the model file; name another file to write");
            }
            if (same(alerts, state)) throw new UsageException("--alerts and --state name the same file " + alerts);
            return new Options(folder, model, alerts, state, interval, settle, giveUp, rows, skip, once, format, geoip, contamination, hostContamination, quiet);
        }

        private static boolean same(Path a, Path b) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }

        private static double number(String v, String option) throws UsageException {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a number, got '" + v + "'");
            }
        }

        /** "500ms", "10s", "5m", "1h"; a bare number is seconds. */
        static Duration duration(String v, String option) throws UsageException {
            String t = v.strip().toLowerCase(Locale.ROOT);
            long unit = 1000;
            String digits = t;
            if (t.endsWith("ms")) {
                unit = 1;
                digits = t.substring(0, t.length() - 2);
            } else if (t.endsWith("s") || t.endsWith("m") || t.endsWith("h")) {
                unit = switch (t.charAt(t.length() - 1)) {
                    case 's' -> 1000;
                    case 'm' -> 60_000;
                    default -> 3_600_000;
                };
                digits = t.substring(0, t.length() - 1);
            }
            try {
                long n = Long.parseLong(digits);
                if (n < 0 || n > 7L * 24 * 3_600_000 / unit) throw new NumberFormatException();
                return Duration.ofMillis(n * unit);
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a duration such as 500ms, 10s, 5m or 1h (at most a week), got '" + v + "'");
            }
        }
    }
}
