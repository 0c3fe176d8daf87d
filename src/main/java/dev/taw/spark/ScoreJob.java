// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.baseline.Baseline;
import dev.taw.io.FlowView;
import dev.taw.io.TableUnion;
import dev.taw.pipeline.LogParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * {@code spark-submit --class dev.taw.spark.ScoreJob traffic-workbench-spark.jar INPUT... --output OUT [--model M]}:
 * the analysis of {@code score FILE --model M --hosts H} over a log of any size. Read (a task per file), joined into
 * connections by address pair, scored by source host: each step is the core's own code on a part of the log, so
 * every score equals the desktop's for the same rows and model. It uses the session it is given (Databricks, EMR
 * and Glue make one) and never stops it.
 */
public final class ScoreJob {
    private ScoreJob() { }

    public static void main(String[] args) {
        JobOptions o;
        try {
            o = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("traffic-workbench score").getOrCreate();
        try {
            JobSummary s = run(spark, o);
            s.lines().forEach(System.out::println);
        } catch (IllegalArgumentException | dev.taw.io.ImportException | IOException | UncheckedIOException e) {
            System.err.println("traffic-workbench: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The whole job on {@code spark}; what it did, in lines. */
    static JobSummary run(SparkSession spark, JobOptions o) throws IOException {
        long began = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopFiles fs = new HadoopFiles(jsc.hadoopConfiguration());
        String out = o.output().replaceAll("/+$", "");
        if (fs.occupied(out)) throw new IllegalArgumentException(out + ": already exists and is not empty; the job never writes over earlier output");
        HadoopFiles.Listing listing = fs.list(o.inputs(), o.from(), o.to());
        if (listing.files().isEmpty()) throw new IllegalArgumentException("no input files" + (listing.outsideWindow() > 0
                ? " in the window (" + listing.outsideWindow() + " outside it)" : "") + " under " + String.join(", ", o.inputs()));
        byte[] modelBytes = o.model() == null ? null : fs.readAll(o.model());
        Baseline given = modelBytes == null ? null : TaskCache.model(TaskCache.digest(modelBytes), modelBytes);
        FlowView flows = given != null ? given.trained().flows() : FlowView.CONNECTIONS;
        // rows are cut by host and window: a month-long host becomes one piece of work per day, not one task
        long window = given != null ? given.trained().settings().contextWindow() : o.contextWindow();
        int parts = o.partitions() > 0 ? o.partitions() : parts(listing, jsc.defaultParallelism());

        // 1. read every file in a task of its own, cut into pieces by address pair or source host
        CollectionAccumulator<Pieces.FileReport> reports = jsc.sc().collectionAccumulator("files read");
        List<HadoopFiles.Input> text = listing.files().stream().filter(f -> !ParquetFlows.isParquet(f)).toList();
        List<HadoopFiles.Input> parquet = listing.files().stream().filter(ParquetFlows::isParquet).toList();
        int p = parts;
        JavaPairRDD<Integer, byte[]> read = jsc.parallelize(text, Math.max(1, Math.min(text.size(), jsc.defaultParallelism() * 4)))
                .flatMapToPair(f -> Pieces.read(fs, f, p, window, flows, reports));
        if (!parquet.isEmpty()) read = read.union(ParquetFlows.read(spark, parquet, p, window, flows, reports));
        read = read.persist(StorageLevel.MEMORY_AND_DISK_SER());
        read.count();
        Steps steps = new Steps(began);
        steps.done("read and cut by pair or host");
        FileReports fr = FileReports.of(reports.value(), listing);
        if (fr.imported() == 0 && !fr.notLogs().isEmpty()) throw new IllegalArgumentException("none of the " + listing.files().size() + " files is a traffic log; first: " + fr.firstNotALog());
        TableUnion.Layout layout = fr.layout().withFills(Fills.of(read, fr, parts));

        // 2. records between the same two addresses joined into connections, then cut by source host
        JavaPairRDD<Integer, byte[]> pairs = read.filter(t -> t._1() >= p).mapToPair(t -> new Tuple2<>(t._1() - p, t._2()));
        boolean joined = !pairs.isEmpty();
        JavaPairRDD<Integer, byte[]> byHost = read.filter(t -> t._1() < p).mapValues(b -> LogParts.filled(b, layout));
        if (joined) byHost = byHost.union(pairs.partitionBy(new HashPartitioner(p)).mapPartitionsToPair(it -> Pieces.join(it, layout, p, window)));
        JavaPairRDD<Integer, byte[]> hosts = byHost.partitionBy(new HashPartitioner(p)).persist(StorageLevel.MEMORY_AND_DISK_SER());
        TableUnion.Layout scoringLayout = LogParts.joinedLayout(layout, joined);
        hosts.count();
        steps.done(joined ? "joined into connections, cut by host" : "cut by host");

        // 3. the model: the one given, or one fitted on a sample of whole hosts
        String modelName;
        if (given == null) {
            Sample.Fitted fitted = Sample.fit(hosts, scoringLayout, o, fr.imported(), out, fs);
            modelBytes = fitted.bytes();
            modelName = fitted.name();
        } else {
            modelName = new org.apache.hadoop.fs.Path(o.model()).getName();
            fs.upload(tempWith(modelBytes), out + "/" + modelName);
        }
        String id = TaskCache.digest(modelBytes);
        Baseline model = TaskCache.model(id, modelBytes);
        steps.done(given == null ? "model fitted on a sample" : "model read");
        Broadcast<byte[]> shipped = jsc.broadcast(modelBytes);

        // 4. every host's rows scored together; the records and the hosts written
        OutputRows rows = new OutputRows(LogParts.scoredColumns(scoringLayout, joined, TaskCache.geo()), LogParts.hostHeader(model, scoringLayout, joined));
        // kept as objects: both writers scan it, and Java-serialising every row to keep it cost more than the scoring
        JavaRDD<Tuple2<Boolean, Row>> scored = hosts.mapPartitions(it -> Scoring.score(it, scoringLayout, shipped, id, modelName, o, rows))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long records = Outputs.writeRecords(spark, scored, rows, out);
        steps.done("scored, records written");
        long hostCount = Outputs.writeHosts(spark, scored, rows, out, fs);
        steps.done("hosts ranked and written");
        read.unpersist();
        hosts.unpersist();
        scored.unpersist();
        JobSummary s = new JobSummary(listing, fr, parts, joined, records, hostCount, modelName, given == null, out, (System.nanoTime() - began) / 1e9,
                steps.said());
        fs.uploadText(String.join("\n", s.report()) + "\n", out + "/report.txt");
        return s;
    }

    /** How long each step took, for the report: where the time goes on a cluster is what to tune. */
    private static final class Steps {
        private final List<String> said = new ArrayList<>();
        private long last;

        Steps(long began) {
            last = began;
        }

        void done(String step) {
            long now = System.nanoTime();
            said.add(String.format(java.util.Locale.ROOT, "%.1f s %s", (now - last) / 1e9, step));
            last = now;
        }

        List<String> said() {
            return List.copyOf(said);
        }
    }

    /** Parts of about 256 MB of text each (a gzip file counts 8 times its size), and at least one per core. */
    static int parts(HadoopFiles.Listing l, int cores) {
        long text = 0;
        for (HadoopFiles.Input f : l.files()) text += f.uri().endsWith(".gz") ? f.size() * 8 : f.size();
        return (int) Math.max(cores, Math.min(100_000, text / (256L << 20) + 1));
    }

    private static Path tempWith(byte[] bytes) throws IOException {
        Path f = Files.createTempFile("taw-model", ".model");
        f.toFile().deleteOnExit();
        Files.write(f, bytes);
        return f;
    }
}
