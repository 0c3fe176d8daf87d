// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import dev.taw.features.FeatureSet;
import dev.taw.model.ForestSettings;
import java.nio.file.Path;

/** The parsed {@code score} command line. */
record ScoreOptions(Path input, Path output, Path report, dev.taw.report.ReportModel.Paper paper, Path geoip, dev.taw.io.detect.LogImporter.Format format,
                    ForestSettings settings, FeatureSet features, int top, boolean quiet) {

    static final String HELP = """
            Usage: traffic-workbench score INPUT --output SCORED.csv [options]

            Scores every row of a CloudWatch web-traffic CSV export or a VPC Flow Log (plain or gzip,
            detected from the content) with an Isolation Forest and writes it back with two more columns: anomaly_score (0-1, higher is
            more suspicious) and label (-1 suspicious, 1 normal).

            Options:
              -o, --output FILE          scored CSV to write (required); written whole or not at all
                  --report FILE          also write a PDF report of the investigation
                  --paper a4|letter      paper size of the report (default a4)
                  --format auto|csv|vpc|alb|waf|cloudfront  the input's format (default auto: from the content)
                  --geoip FILE           MaxMind DB (.mmdb) for source countries where the input has none
                                         (default: the bundled registry database, (c) NRO, CC BY 4.0)
                  --contamination X      share of rows to flag, 0.0001-0.5 (default 0.05)
                  --trees N              number of isolation trees, 1-10000 (default 100)
                  --seed N               random seed; same file + settings + seed = same scores (default 42)
                  --sample-size N        rows each tree sees, psi (default 256; capped at the row count)
                  --extension-level N    0 = classic Isolation Forest (default); >0 = extended
                  --features LIST        comma-separated features to use (default: all); one of
                                         BYTES_IN, BYTES_OUT, OUT_IN_RATIO, DURATION, DST_PORT, STATUS_CLASS,
                                         PROTOCOL_RARITY, COUNTRY_RARITY, IP_RECORDS, IP_VOLUME_DEVIATION
                  --top N                suspicious IPs, countries and rows to print (default 10)
              -q, --quiet                print only errors
              -h, --help                 show this help

            Exit status: 0 success, 1 the input could not be analysed or the output not written,
            2 a mistake in the command line.
            """;

    static ScoreOptions parse(String[] args) throws UsageException {
        Path input = null, output = null, report = null;
        dev.taw.report.ReportModel.Paper paper = dev.taw.report.ReportModel.Paper.A4;
        Path geoip = null;
        dev.taw.io.detect.LogImporter.Format format = dev.taw.io.detect.LogImporter.Format.AUTO;
        ForestSettings s = ForestSettings.defaults();
        FeatureSet features = FeatureSet.all();
        int top = 10;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            try {
                switch (a) {
                    case "-o", "--output" -> output = Path.of(value(args, ++i, a));
                    case "--report" -> report = Path.of(value(args, ++i, a));
                    case "--paper" -> paper = paper(value(args, ++i, a));
                    case "--geoip" -> geoip = Path.of(value(args, ++i, a));
                    case "--format" -> format = dev.taw.io.detect.LogImporter.Format.parse(value(args, ++i, a));
                    case "--contamination" -> s = s.withContamination(Double.parseDouble(value(args, ++i, a)));
                    case "--trees" -> s = s.withTrees(Integer.parseInt(value(args, ++i, a)));
                    case "--seed" -> s = s.withSeed(Long.parseLong(value(args, ++i, a)));
                    case "--sample-size" -> s = new ForestSettings(s.trees(), s.contamination(), s.seed(), Integer.parseInt(value(args, ++i, a)), s.extensionLevel());
                    case "--extension-level" -> s = new ForestSettings(s.trees(), s.contamination(), s.seed(), s.sampleSize(), Integer.parseInt(value(args, ++i, a)));
                    case "--features" -> features = FeatureSet.fromText(value(args, ++i, a));
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
        if (output == null) throw new UsageException("missing --output FILE (see --help)");
        if (top < 0) throw new UsageException("--top must be 0 or more");
        return new ScoreOptions(input, output, report, paper, geoip, format, s, features, top, quiet);
    }

    private static dev.taw.report.ReportModel.Paper paper(String v) throws UsageException {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "a4" -> dev.taw.report.ReportModel.Paper.A4;
            case "letter" -> dev.taw.report.ReportModel.Paper.LETTER;
            default -> throw new UsageException("--paper must be a4 or letter, got '" + v + "'");
        };
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) throw new UsageException(option + " needs a value");
        return args[i];
    }
}
