// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.pipeline.LogParts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;

/**
 * The values empty number cells are filled with. Reading a folder fills them with the median of the column over
 * the whole folder; so the job fills them with the exact median over the whole log (a distributed sort), not the
 * median of whichever part a row lands in. Logs rarely have empty numbers: usually there is nothing to sort.
 */
final class Fills {
    private Fills() { }

    static Map<String, Double> of(JavaPairRDD<Integer, byte[]> pieces, FileReports fr, int parts) {
        Map<String, Double> fills = new LinkedHashMap<>();
        for (String name : fr.emptyNumbers()) {
            var layout = fr.layout();
            JavaRDD<Double> cells = pieces.values().flatMap(b -> java.util.Arrays.stream(LogParts.filledCells(b, name, layout)).boxed().iterator());
            fills.put(name, median(cells, parts));
        }
        return fills;
    }

    /** The median as the importers take it: the middle value, or the mean of the two middle ones; 0 when there is none. */
    static double median(JavaRDD<Double> values, int parts) {
        long n = values.count();
        if (n == 0) return 0.0;
        long hi = n / 2, lo = n % 2 == 1 ? hi : hi - 1;
        List<Double> middle = values.sortBy(v -> v, true, parts).zipWithIndex().filter(t -> t._2() == lo || t._2() == hi).keys().collect();
        return middle.size() == 1 ? middle.get(0) : (middle.get(0) + middle.get(1)) / 2.0;
    }
}
