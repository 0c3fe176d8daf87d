// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.io.TableUnion;
import dev.taw.pipeline.LogParts;
import dev.taw.pipeline.LogSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;

/**
 * A baseline fitted on the driver when the job is given none: whole hosts chosen by the seed (about
 * {@code --sample-rows} rows), gathered in file order and trained on as {@code train} trains on a file; written
 * next to the output, so the next job (or the desktop) can score with the same model.
 */
final class Sample {
    static final String MODEL = "model.model";

    record Fitted(byte[] bytes, String name) { }

    private Sample() { }

    static Fitted fit(JavaPairRDD<Integer, byte[]> hosts, TableUnion.Layout layout, JobOptions o, long rows, String out, HadoopFiles fs) throws IOException {
        double share = Math.min(1.0, (double) o.sampleRows() / Math.max(1, rows));
        long seed = o.seed();
        List<byte[]> chosen = hosts.values().map(b -> LogSample.sampleHosts(b, share, seed)).filter(b -> b != null).collect();
        Path dir = Files.createTempDirectory("taw-sample");
        try {
            Path model = dir.resolve(MODEL);
            LogSample.train(LogParts.union(chosen, layout), seed, o.contextWindow(), "a sample of " + String.join(", ", o.inputs()), TaskCache.geo(), model);
            byte[] bytes = Files.readAllBytes(model);
            fs.upload(model, out + "/" + MODEL);
            return new Fitted(bytes, MODEL);
        } finally {
            Pieces.deleteAll(dir);
        }
    }
}
