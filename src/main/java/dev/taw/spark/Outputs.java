// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.pipeline.LogParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * The job's output folder: {@code records/} (Parquet, partitioned by day), {@code hosts/} (Parquet, ranked) and
 * {@code hosts.csv} (the CLI's hosts CSV, one file: what a spreadsheet, a SIEM or the desktop reads). Spark's
 * commit protocol writes each dataset whole or not at all.
 */
final class Outputs {
    private Outputs() { }

    static long writeRecords(SparkSession spark, JavaRDD<Tuple2<Boolean, Row>> scored, OutputRows rows, String out) {
        JavaRDD<Row> records = scored.filter(Tuple2::_1).map(Tuple2::_2);
        Dataset<Row> df = spark.createDataFrame(records, rows.recordSchema());
        df.write().partitionBy("date").parquet(out + "/records");
        return records.count();
    }

    /** Hosts ranked as the CLI ranks them: by host score, then by suspicious rows; an address breaks what ties remain. */
    static long writeHosts(SparkSession spark, JavaRDD<Tuple2<Boolean, Row>> scored, OutputRows rows, String out, HadoopFiles fs) throws IOException {
        JavaRDD<Row> hosts = scored.filter(t -> !t._1()).map(Tuple2::_2);
        Dataset<Row> df = spark.createDataFrame(hosts, rows.hostSchema())
                .orderBy(functions.col("host_score").desc_nulls_last(), functions.col("suspicious_rows").desc(), functions.col("src_ip"));
        JavaRDD<Row> ranked = df.javaRDD().zipWithIndex().map(t -> {
            Object[] v = new Object[t._1().length()];
            for (int i = 0; i < v.length; i++) v[i] = t._1().get(i);
            v[0] = (int) (t._2() + 1);
            return RowFactory.create(v);
        });
        Dataset<Row> rankedDf = spark.createDataFrame(ranked, rows.hostSchema());
        rankedDf.write().parquet(out + "/hosts");
        Dataset<Row> back = spark.read().parquet(out + "/hosts").orderBy("rank");
        Path dir = Files.createTempDirectory("taw-hosts");
        try {
            Path csv = dir.resolve("hosts.csv");
            Iterator<Row> it = back.toLocalIterator();
            List<String> header = java.util.Arrays.asList(rows.hostHeaderNames());
            LogParts.writeHostsCsv(header, new Iterator<>() {
                public boolean hasNext() { return it.hasNext(); }
                public List<String> next() {
                    Row r = it.next();
                    return OutputRows.cells(r, r.getInt(0));
                }
            }, csv);
            fs.upload(csv, out + "/hosts.csv");
        } finally {
            Pieces.deleteAll(dir);
        }
        return back.count();
    }
}
