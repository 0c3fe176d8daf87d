// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import dev.taw.analysis.RowFilter;
import dev.taw.features.Feature;
import dev.taw.features.FeatureSet;
import dev.taw.io.LogFormat;
import dev.taw.model.ForestSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The parsed {@code score} command line. */
record ScoreOptions(Path input, Path output, Path hosts, Path report, dev.taw.report.Paper paper, Path geoip, dev.taw.io.LogFormat format,
                    ForestSettings settings, FeatureSet features, List<RowFilter> filters, dev.taw.io.FlowView flows, int top, boolean quiet,
                    Path model, boolean contaminationGiven, boolean hostContaminationGiven) {

    /** The help text, made from the lists of formats and features so that it cannot fall behind them. */
    static final String HELP = help();

    private static String help() {
        String formats = Arrays.stream(LogFormat.values()).map(LogFormat::cliName).collect(Collectors.joining("|"));
        StringBuilder readable = new StringBuilder();
        for (LogFormat f : LogFormat.readable()) readable.append(String.format(Locale.ROOT, "  %-11s %s%n", f.cliName(), f.description()));
        StringBuilder features = new StringBuilder();
        for (Feature f : Feature.values()) features.append(String.format(Locale.ROOT, "%29s%-21s %s%n", "", f.name(), f.label()));
        return "Usage: traffic-workbench score INPUT --output SCORED.csv [options]\n\n"
                + "Scores every row of a traffic log (a file, gzip or not, or a folder of them; the format is\n"
                + "detected from the content) with an Isolation Forest and writes it back with four more columns:\n"
                + "anomaly_score (0-1, higher is more suspicious) and label (-1 suspicious, 1 normal), and the\n"
                + "same for the row's source host, host_score and host_label (empty under 50 source hosts).\n\n"
                + "Formats:\n" + readable + "\n"
                + "Options:\n"
                + "  -o, --output FILE          scored CSV to write (required); written whole or not at all\n"
                + "      --hosts FILE           also write every source host, ranked, one row each: host score and\n"
                + "                             label, rows, bytes each way, first and last seen, host features, why\n"
                + "      --report FILE          also write a PDF report of the investigation\n"
                + "      --paper a4|letter      paper size of the report (default a4)\n"
                + "      --format " + formats + "\n"
                + "                             the input's format (default auto: from the content)\n"
                + "      --flows connections|records\n"
                + "                             flow logs as connections, request and reply joined with bytes each way\n"
                + "                             (default), or one row per flow record\n"
                + "      --where FIELD=VALUE    export and report only the rows in this view (repeatable, all must hold):\n"
                + "                             FIELD is a column role (" + String.join(", ", WhereFilter.FIELDS) + "; or country, ip, port)\n"
                + "                             or label (suspicious|normal); scores and labels stay the whole file's\n"
                + "      --geoip FILE           MaxMind DB (.mmdb) for source countries where the input has none\n"
                + "                             (default: the bundled registry database, (c) NRO, CC BY 4.0)\n"
                + "      --contamination X      share of rows to flag, 0.0001-0.5 (default 0.05)\n"
                + "      --host-contamination X share of source hosts to flag, 0.0001-0.5 (default 0.01)\n"
                + "      --context-window W     count each host's context within windows of W (30m, 1h, 1d, 7d; UTC-\n"
                + "                             aligned): a host is then an address in one window (default: the whole\n"
                + "                             log); the hosts list gains window_start\n"
                + "      --trees N              number of isolation trees, 1-10000 (default 100)\n"
                + "      --seed N               random seed; same file + settings + seed = same scores (default 42)\n"
                + "      --sample-size N        rows each tree sees, psi (default 256; capped at the row count)\n"
                + "      --extension-level N    0 = classic Isolation Forest (default); >0 = extended\n"
                + "      --features LIST        comma-separated features to use (default: all of these)\n"
                + features
                + "      --model FILE           score against a baseline saved by 'traffic-workbench train' instead of\n"
                + "                             fitting on INPUT: its features, forests and cut-offs (its contamination\n"
                + "                             unless --contamination is given); the fit options above are the model's\n"
                + "      --top N                suspicious IPs, countries and rows to print (default 10)\n"
                + "  -q, --quiet                print only errors\n"
                + "  -h, --help                 show this help\n\n"
                + "Exit status: 0 success, 1 the input could not be analysed or the output not written,\n"
                + "2 a mistake in the command line.\n";
    }

    /** The help of {@code train}: the same options where they apply. */
    static final String TRAIN_HELP = "Usage: traffic-workbench train INPUT --model BASELINE.model [options]\n\n"
            + "Fits both forests (rows and hosts) on known-good traffic (a file or a folder, any supported format)\n"
            + "and saves what a later 'score INPUT --model BASELINE.model' needs to judge new logs the same way:\n"
            + "the features and what they are relative to (share tables, typical values, ranges), the forests,\n"
            + "and the score cut-offs at the contamination given. The model is written whole or not at all.\n\n"
            + "Options: --format, --flows, --geoip, --features, --trees, --seed, --sample-size (at most 4096),\n"
            + "--contamination, --host-contamination, --context-window, -q: as for score (see traffic-workbench\n"
            + "score --help). The model keeps the context window: logs scored by it are counted the same way.\n";

    static ScoreOptions parse(String[] args) throws UsageException {
        return parse(args, false);
    }

    /** @param training the options of {@code train}: a model to write, no scored output */
    static ScoreOptions parse(String[] args, boolean training) throws UsageException {
        Path input = null, output = null, hosts = null, report = null;
        dev.taw.report.Paper paper = dev.taw.report.Paper.A4;
        Path geoip = null;
        dev.taw.io.LogFormat format = dev.taw.io.LogFormat.AUTO;
        ForestSettings s = ForestSettings.defaults();
        FeatureSet features = FeatureSet.all();
        int top = 10;
        List<RowFilter> filters = new ArrayList<>();
        dev.taw.io.FlowView flows = dev.taw.io.FlowView.CONNECTIONS;
        boolean quiet = false;
        Path model = null;
        boolean contaminationGiven = false, hostContaminationGiven = false;
        List<String> fitOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            try {
                switch (a) {
                    case "-o", "--output" -> output = Path.of(value(args, ++i, a));
                    case "--report" -> report = Path.of(value(args, ++i, a));
                    case "--hosts" -> hosts = Path.of(value(args, ++i, a));
                    case "--paper" -> paper = paper(value(args, ++i, a));
                    case "--geoip" -> geoip = Path.of(value(args, ++i, a));
                    case "--format" -> format = dev.taw.io.LogFormat.parse(value(args, ++i, a));
                    case "--contamination" -> {
                        s = s.withContamination(Double.parseDouble(value(args, ++i, a)));
                        contaminationGiven = true;
                    }
                    case "--trees" -> s = s.withTrees(Integer.parseInt(value(args, ++i, fit(a, fitOptions))));
                    case "--seed" -> s = s.withSeed(Long.parseLong(value(args, ++i, fit(a, fitOptions))));
                    case "--host-contamination" -> {
                        s = s.withHostContamination(Double.parseDouble(value(args, ++i, a)));
                        hostContaminationGiven = true;
                    }
                    case "--sample-size" -> s = s.withSampleSize(Integer.parseInt(value(args, ++i, fit(a, fitOptions))));
                    case "--context-window" -> s = s.withContextWindow(dev.taw.model.ContextWindow.parse(value(args, ++i, fit(a, fitOptions))));
                    case "--extension-level" -> s = s.withExtensionLevel(Integer.parseInt(value(args, ++i, fit(a, fitOptions))));
                    case "--features" -> features = FeatureSet.fromText(value(args, ++i, fit(a, fitOptions)));
                    case "--where" -> filters.add(WhereFilter.parse(value(args, ++i, a)));
                    case "--flows" -> flows = dev.taw.io.FlowView.parse(value(args, ++i, fit(a, fitOptions)));
                    case "--model" -> model = Path.of(value(args, ++i, a));
                    case "--top" -> top = Integer.parseInt(value(args, ++i, a));
                    case "-q", "--quiet" -> quiet = true;
                    default -> {
                        if (a.startsWith("-")) throw new UsageException("unknown option " + a + " (see --help)");
                        if (input != null) throw new UsageException("only one INPUT file, got " + input + " and " + a);
                        input = Path.of(a);
                    }
                }
            } catch (NumberFormatException e) {
                throw new UsageException(a + " needs a number, got '" + args[i] + "'");
            } catch (IllegalArgumentException e) {
                throw new UsageException(a + ": " + e.getMessage());
            }
        }
        if (input == null) throw new UsageException("missing INPUT file (see --help)");
        if (training) {
            if (model == null) throw new UsageException("missing --model FILE to write (see --help)");
            if (output != null || hosts != null || report != null || !filters.isEmpty()) {
                throw new UsageException("train writes a model only; score a file with --output, --hosts, --report or --where");
            }
            if (s.extensionLevel() != 0) throw new UsageException("a model keeps classic trees only: --extension-level must be 0");
            if (s.sampleSize() > 4096) throw new UsageException("a model keeps trees of a sample size up to 4096, got " + s.sampleSize());
            return new ScoreOptions(input, null, null, null, paper, geoip, format, s, features, List.of(), flows, top, quiet, model, true, true);
        }
        if (output == null) throw new UsageException("missing --output FILE (see --help)");
        if (model != null && !fitOptions.isEmpty()) {
            throw new UsageException(String.join(", ", fitOptions) + (fitOptions.size() == 1 ? " is" : " are")
                    + " the model's: it was trained with " + (fitOptions.size() == 1 ? "its own; train a new model to change it" : "its own; train a new model to change them"));
        }
        if (top < 0) throw new UsageException("--top must be 0 or more");
        sameFile("--report", report, "--output", output);
        sameFile("--hosts", hosts, "--output", output);
        sameFile("--hosts", hosts, "--report", report);
        sameFile("--model", model, "--output", output);
        return new ScoreOptions(input, output, hosts, report, paper, geoip, format, s, features, List.copyOf(filters), flows, top, quiet, model,
                contaminationGiven, hostContaminationGiven);
    }

    /** Notes an option that shapes the fit: with --model it is the model's to decide. */
    private static String fit(String option, List<String> given) {
        if (!given.contains(option)) given.add(option);
        return option;
    }

    private static void sameFile(String option, Path a, String other, Path b) throws UsageException {
        if (a != null && b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            throw new UsageException(option + " and " + other + " name the same file " + a);
        }
    }

    /** {@code --paper}'s value. */
    static dev.taw.report.Paper paper(String v) throws UsageException {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "a4" -> dev.taw.report.Paper.A4;
            case "letter" -> dev.taw.report.Paper.LETTER;
            default -> throw new UsageException("--paper must be a4 or letter, got '" + v + "'");
        };
    }

    /** The value after an option, or a usage error naming the option. */
    static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) throw new UsageException(option + " needs a value");
        return args[i];
    }
}
