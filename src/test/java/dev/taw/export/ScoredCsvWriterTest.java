// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every cell of every row, in order, across many formatting chunks, read back by a real CSV parser. */
class ScoredCsvWriterTest {
    @TempDir
    Path tmp;

    private static final String[] TEXTS = {"plain", "with,comma", "say \"hi\"", "=cmd|' /C calc'!A0", "-12", "línea\nnueva", "東京", ""};

    @Test
    void rowsComeBackCellForCellAcrossChunks() throws IOException {
        int n = 10_000; // about ten chunks of rows formatted on parallel threads
        TextColumn.Builder text = new TextColumn.Builder("note");
        NumberColumn.Builder number = new NumberColumn.Builder("bytes");
        TimeColumn.Builder time = new TimeColumn.Builder("time");
        TimeColumn.Builder anyOrder = new TimeColumn.Builder("start"); // flow records: seconds of two days in any order, some before 1970
        long[] starts = new long[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        double[] scores = new double[n];
        byte[] labels = new byte[n];
        for (int r = 0; r < n; r++) {
            text.add(TEXTS[r % TEXTS.length]);
            if (r % 11 == 0) number.addMissing(); else number.add(r % 3 == 0 ? r + 0.25 : r * 1000.0);
            if (r % 13 == 0) time.addMissing(); else time.add(1714086000000L + r * 1000L + (r % 5 == 0 ? 123 : 0));
            starts[r] = (r % 97 == 0 ? -86_400_000L * 3 : 1714000000000L) + random.nextInt(2 * 86_400) * 1000L + (r % 89 == 0 ? 7 : 0);
            anyOrder.add(starts[r]);
            scores[r] = r / (double) n;
            labels[r] = (byte) (r % 17 == 0 ? -1 : 1);
        }
        TextColumn.Builder region = new TextColumn.Builder("region"), dash = new TextColumn.Builder("sublocation-id");
        NumberColumn.Builder version = new NumberColumn.Builder("version"), big = new NumberColumn.Builder("bytes_total");
        for (int r = 0; r < n; r++) {
            region.add("us-east-1");
            dash.add("-");
            version.add(5);
            big.add(r % 2 == 0 ? Integer.MAX_VALUE + (double) r : r % 3 == 0 ? Integer.MAX_VALUE : r % 5 == 1 ? 5e9 + r : 1e15 - r);
        }
        // one value in every row, in neighbouring columns and between others, is written as one piece of text
        List<Column> columns = List.of(region.build(), text.build(), number.build(), dash.build(), version.build(), time.build(), anyOrder.build(),
                big.build());
        Path out = tmp.resolve("scored.csv");
        new ScoredCsvWriter().write(out, new Table(n, columns, Map.of(), null), scores, labels, ProgressListener.NONE, CancelToken.NEVER);
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
            assertEquals(n, rows.size());
            for (int r = 0; r < n; r++) {
                CSVRecord row = rows.get(r);
                String t = TEXTS[r % TEXTS.length];
                assertEquals(t.startsWith("=") ? "'" + t : t, row.get("note"), "row " + r);
                assertEquals(r % 11 == 0 ? "" : r % 3 == 0 ? NumberColumn.formatNumber(r + 0.25) : Long.toString(r * 1000L), row.get("bytes"), "row " + r);
                assertEquals(r % 13 == 0 ? "" : Instant.ofEpochMilli(1714086000000L + r * 1000L + (r % 5 == 0 ? 123 : 0)).toString(), row.get("time"), "row " + r);
                assertEquals(Instant.ofEpochMilli(starts[r]).toString(), row.get("start"), "row " + r);
                assertEquals(scores[r], Double.parseDouble(row.get("anomaly_score")), "row " + r);
                assertEquals(labels[r] < 0 ? "-1" : "1", row.get("label"), "row " + r);
                assertEquals(List.of("us-east-1", "-", "5"), List.of(row.get("region"), row.get("sublocation-id"), row.get("version")), "row " + r);
                assertEquals(NumberColumn.formatNumber(r % 2 == 0 ? Integer.MAX_VALUE + (double) r : r % 3 == 0 ? Integer.MAX_VALUE : r % 5 == 1 ? 5e9 + r : 1e15 - r),
                        row.get("bytes_total"), "row " + r);
                assertEquals(12, row.size(), "row " + r);
            }
        }
    }
}
