// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import dev.taw.export.CsvCells;
import dev.taw.export.ScoredCsvWriter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The scored CSV on cells a fuzzer makes (quotes, commas, line breaks, formulas, any Unicode): it parses back
 * with the same rows and columns, every text cell is the original or the original neutralised, and no cell
 * a spreadsheet would run is left as it was.
 */
class ScoredCsvFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void writesWhatParsesBack(FuzzedDataProvider data) throws IOException {
        int rows = data.consumeInt(1, 20);
        List<String> cells = new ArrayList<>();
        TextColumn.Builder text = new TextColumn.Builder(data.consumeString(20));
        NumberColumn.Builder number = new NumberColumn.Builder("n");
        double[] scores = new double[rows];
        byte[] labels = new byte[rows];
        for (int r = 0; r < rows; r++) {
            String c = data.consumeString(40);
            cells.add(c);
            text.add(c);
            double v = data.consumeDouble();
            if (Double.isFinite(v)) number.add(v); else number.addMissing();
            scores[r] = data.consumeProbabilityDouble();
            labels[r] = data.consumeBoolean() ? (byte) -1 : 1;
        }
        Column t = text.build(), n = number.build();
        Table table = new Table(rows, List.of(t, n), Map.of(), null);
        Path out = Files.createTempFile("fuzz", ".csv");
        try {
            new ScoredCsvWriter().write(out, table, scores, labels, ProgressListener.NONE, CancelToken.NEVER);
            try (Reader in = Files.newBufferedReader(out);
                 CSVParser p = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get()) {
                List<CSVRecord> records = p.getRecords();
                assertEquals(rows + 1, records.size(), "a header and one record per row");
                for (int r = 0; r < rows; r++) {
                    CSVRecord rec = records.get(r + 1);
                    assertEquals(6, rec.size());
                    String written = rec.get(0), original = t.format(r);
                    assertEquals(CsvCells.neutralise(original), written);
                    assertFalse(!written.isEmpty() && ("=@\t\r".indexOf(written.charAt(0)) >= 0
                            || "+-".indexOf(written.charAt(0)) >= 0 && !written.equals("-") && !written.matches("[+-](\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")),
                            "a formula left in: " + written);
                    assertEquals(Double.toString(scores[r]), rec.get(2));
                }
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
