// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.baseline.Baseline;
import dev.taw.io.TableUnion;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.LogParts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/** A part of the log (every row of each of its source hosts) scored against the model in a task: its records, then its hosts. */
final class Scoring {
    private Scoring() { }

    static Iterator<Tuple2<Boolean, Row>> score(Iterator<Tuple2<Integer, byte[]>> in, TableUnion.Layout layout, Broadcast<byte[]> model, String id,
                                                String modelName, JobOptions o, OutputRows rows) {
        List<byte[]> pieces = new ArrayList<>();
        in.forEachRemaining(t -> pieces.add(t._2()));
        List<Tuple2<Boolean, Row>> out = new ArrayList<>();
        if (pieces.isEmpty()) return out.iterator();
        Baseline b = TaskCache.model(id, model.value());
        ForestSettings s = b.settings(o.contamination(), o.hostContamination());
        LogParts.Scored scored = LogParts.score(LogParts.union(pieces, layout), b, modelName, s.contamination(), s.hostContamination(), TaskCache.geo());
        for (Row r : rows.records(scored)) out.add(new Tuple2<>(true, r));
        for (List<String> h : scored.hosts()) out.add(new Tuple2<>(false, rows.host(h)));
        return out.iterator();
    }

}
