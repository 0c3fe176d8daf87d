// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.io.FlowView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * VPC flow logs delivered as Parquet (AWS's {@code …_hash.log.parquet}; the fields under their underscored names).
 * Spark reads the columns; each file's records become the text format's lines again, in the file's row order,
 * under a header of the field names, and go through the workbench's own flow-log importer: one parser for text
 * and Parquet, so both give the same records the same numbers. A record's line is its row number plus one (the
 * header is line 1). An empty field is {@code -}, as in the text format.
 */
final class ParquetFlows {
    private ParquetFlows() { }

    static boolean isParquet(HadoopFiles.Input f) {
        return f.uri().endsWith(".parquet");
    }

    static JavaPairRDD<Integer, byte[]> read(SparkSession spark, List<HadoopFiles.Input> files, int parts, long window, FlowView flows,
                                             CollectionAccumulator<Pieces.FileReport> reports) {
        Map<String, HadoopFiles.Input> byUri = new HashMap<>();
        for (HadoopFiles.Input f : files) byUri.put(f.uri(), f);
        Dataset<Row> df = spark.read().option("mergeSchema", "true").parquet(files.stream().map(HadoopFiles.Input::uri).toArray(String[]::new));
        String[] fields = df.columns();
        List<Column> cols = new ArrayList<>(List.of(functions.col("_metadata.file_path"), functions.col("_metadata.row_index")));
        for (String f : fields) cols.add(functions.col("`" + f + "`").cast("string"));
        String header = String.join(" ", fields);
        return df.select(cols.toArray(Column[]::new)).javaRDD()
                .mapToPair(r -> {
                    StringBuilder line = new StringBuilder();
                    for (int i = 2; i < r.length(); i++) {
                        if (i > 2) line.append(' ');
                        String v = r.getString(i);
                        line.append(v == null || v.isEmpty() ? "-" : v);
                    }
                    return new Tuple2<>(r.getString(0), new Tuple2<>(r.getLong(1), line.toString()));
                })
                .groupByKey()
                .flatMapToPair(file -> {
                    List<Tuple2<Long, String>> rows = new ArrayList<>();
                    file._2().forEach(rows::add);
                    rows.sort((a, b) -> Long.compare(a._1(), b._1()));
                    HadoopFiles.Input f = input(byUri, file._1());
                    Path dir = Files.createTempDirectory("taw-parquet");
                    try {
                        Path local = dir.resolve(new org.apache.hadoop.fs.Path(f.uri()).getName() + ".txt");
                        try (var w = Files.newBufferedWriter(local, StandardCharsets.UTF_8)) {
                            w.write(header);
                            w.write('\n');
                            for (Tuple2<Long, String> row : rows) {
                                w.write(row._2());
                                w.write('\n');
                            }
                        }
                        return Pieces.cut(local, f, parts, window, flows, reports);
                    } catch (IOException e) {
                        throw new UncheckedIOException(f.uri() + ": " + e.getMessage(), e);
                    } finally {
                        Pieces.deleteAll(dir);
                    }
                });
    }

    /** The listed file Spark's {@code file_path} names (it may spell the scheme or escapes its own way). */
    private static HadoopFiles.Input input(Map<String, HadoopFiles.Input> byUri, String path) {
        HadoopFiles.Input f = byUri.get(path);
        if (f != null) return f;
        String plain = java.net.URLDecoder.decode(path, StandardCharsets.UTF_8);
        for (HadoopFiles.Input i : byUri.values()) {
            if (i.uri().equals(plain) || plain.endsWith(new org.apache.hadoop.fs.Path(i.uri()).toUri().getPath())) return i;
        }
        return new HadoopFiles.Input(path, new org.apache.hadoop.fs.Path(path).getName(), 0);
    }
}
