// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.io.LogFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** What the Spark job was asked to do. Every mistake is one line that says what to type instead. */
record JobOptions(List<String> inputs, String output, String model, long sampleRows, LocalDate from, LocalDate to, LogFormat format,
                  Double contamination, Double hostContamination, long seed, int partitions, long contextWindow) implements java.io.Serializable {

    static final String USAGE = String.join("\n",
            "usage: spark-submit --class dev.taw.spark.ScoreJob traffic-workbench-spark.jar INPUT... --output OUT",
            "         [--model BASELINE.model | --sample-rows N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format FORMAT]",
            "         [--contamination X] [--host-contamination X] [--seed N] [--partitions N] [--context-window W]",
            "  INPUT    files or prefixes (s3://, s3a://, hdfs://, file:, local paths) of raw logs as AWS writes them, or CSV exports",
            "  OUT      a folder: records/ (Parquet, by date), hosts/ (Parquet, ranked), hosts.csv, the model used, report.txt",
            "  --model  score with a saved baseline (traffic-workbench train); without it one is fitted on a sample of",
            "           --sample-rows rows (default 1,000,000; whole hosts, chosen by --seed) and saved as OUT/model.model",
            "  --context-window  count each host within UTC windows of W (30m, 1h, 1d, 7d): a host is an address in one",
            "           window (default: the whole input); a model keeps its own");

    static JobOptions parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        String output = null, model = null;
        long sample = 1_000_000;
        boolean sampleGiven = false;
        LocalDate from = null, to = null;
        LogFormat format = LogFormat.AUTO;
        Double c = null, hc = null;
        long seed = 42;
        int partitions = 0;
        long window = dev.taw.model.ContextWindow.WHOLE_LOG;
        boolean windowGiven = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                inputs.add(a);
                continue;
            }
            if (a.equals("--help")) throw new IllegalArgumentException(USAGE);
            if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value (--help for usage)");
            String v = args[++i];
            switch (a) {
                case "--output" -> output = v;
                case "--model" -> model = v;
                case "--sample-rows" -> {
                    sample = positive(a, v);
                    sampleGiven = true;
                }
                case "--from" -> from = day(a, v);
                case "--to" -> to = day(a, v);
                case "--format" -> format = LogFormat.parse(v);
                case "--contamination" -> c = share(a, v);
                case "--host-contamination" -> hc = share(a, v);
                case "--seed" -> seed = number(a, v);
                case "--context-window" -> {
                    try {
                        window = dev.taw.model.ContextWindow.parse(v);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(a + ": " + e.getMessage());
                    }
                    windowGiven = true;
                }
                case "--partitions" -> partitions = (int) Math.min(Integer.MAX_VALUE, positive(a, v));
                default -> throw new IllegalArgumentException("unknown option " + a + " (--help for usage)");
            }
        }
        if (inputs.isEmpty()) throw new IllegalArgumentException("name at least one INPUT path or prefix (--help for usage)");
        if (output == null) throw new IllegalArgumentException("--output OUT is required: the folder the job writes (--help for usage)");
        if (model != null && sampleGiven) throw new IllegalArgumentException("--model and --sample-rows exclude each other: a model is fitted already");
        if (model != null && windowGiven) {
            throw new IllegalArgumentException("--context-window is the model's: it counts hosts as it was trained to; train a new model to change it");
        }
        if (from != null && to != null && to.isBefore(from)) throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        return new JobOptions(List.copyOf(inputs), output, model, sample, from, to, format, c, hc, seed, partitions, window);
    }

    private static LocalDate day(String option, String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " " + v + ": not a day; write it as 2024-06-01");
        }
    }

    private static long number(String option, String v) {
        try {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + v + ": not a whole number");
        }
    }

    private static long positive(String option, String v) {
        long n = number(option, v);
        if (n < 1) throw new IllegalArgumentException(option + " " + v + ": must be at least 1");
        return n;
    }

    private static double share(String option, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0.0001 && d <= 0.5)) throw new IllegalArgumentException(option + " " + v + ": must be between 0.0001 and 0.5");
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + v + ": not a number");
        }
    }
}
