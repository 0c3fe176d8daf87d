// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.pipeline.CancelToken;
import dev.taw.pipeline.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes every imported row, in input order, with all its input columns followed by
 * {@code anomaly_score} and {@code label} (-1 suspicious, 1 normal).
 *
 * <p>Written whole or not at all: rows go to a temporary file beside the target, which is moved into
 * place only when complete. Text cells a spreadsheet would run as a formula ({@code = + - @}, tab or CR
 * first, and not a number) get a leading apostrophe, as OWASP advises against CSV injection.
 */
public final class ScoredCsvWriter {

    public void write(Path target, Table table, double[] scores, byte[] labels, ProgressListener progress, CancelToken cancel) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        try {
            writeTo(tmp, table, scores, labels, progress, cancel);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeTo(Path file, Table table, double[] scores, byte[] labels, ProgressListener progress, CancelToken cancel) throws IOException {
        List<Column> cols = table.columns();
        String[] header = new String[cols.size() + 2];
        for (int i = 0; i < cols.size(); i++) header[i] = cols.get(i).name();
        header[cols.size()] = "anomaly_score";
        header[cols.size() + 1] = "label";
        // pre-neutralise each dictionary once: a million rows share a few hundred distinct strings
        String[][] safeDictionaries = new String[cols.size()][];
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i) instanceof TextColumn tc) {
                String[] d = tc.dictionary();
                safeDictionaries[i] = new String[d.length];
                for (int k = 0; k < d.length; k++) safeDictionaries[i][k] = neutralise(d[k]);
            }
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
             CSVPrinter out = new CSVPrinter(w, format)) {
            int n = table.rowCount();
            for (int r = 0; r < n; r++) {
                if ((r & 0xFFFF) == 0) {
                    cancel.throwIfCancelled();
                    progress.onProgress("Writing", r, n);
                }
                for (int i = 0; i < cols.size(); i++) {
                    Column c = cols.get(i);
                    out.print(c instanceof TextColumn tc ? safeDictionaries[i][tc.code(r)] : c.format(r));
                }
                out.print(Double.toString(scores[r]));
                out.print(labels[r] < 0 ? "-1" : "1");
                out.println();
            }
            progress.onProgress("Writing", n, n);
        }
    }

    /** Prefixes an apostrophe to text a spreadsheet would evaluate; numbers like -12 stay as they are. */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return cell;
        if (c != '=' && c != '@' && looksNumeric(cell)) return cell;
        return "'" + cell;
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return s.strip().equals(s);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
