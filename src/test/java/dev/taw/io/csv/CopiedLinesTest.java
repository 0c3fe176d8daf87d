// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import dev.taw.TestData;
import dev.taw.export.ScoredCsvWriter;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.RowText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scored CSV that copies the input's lines is byte for byte the one that formats every cell: for lines spelt as the
 * writer spells them and for every way a line can differ (white space, quotes, other spellings of numbers and times,
 * missing-value tokens, cells the writer neutralises, line ends), read in one piece or in two halves, whole or filtered.
 */
class CopiedLinesTest {
    @TempDir
    Path tmp;

    /** The seed export with a line of each kind the writer does not write back as it came, every 7th line. */
    private Path mixed(String name, int copies, String ending) throws IOException {
        List<String> seed = Files.readAllLines(TestData.seed());
        String[] odd = {
            " 5602,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "5602 ,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "05602,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "5602.0,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "-,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            ",12990,2024-04-25T23:00:00Z,,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "5602,12990,2024-04-25 23:00:00,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "5602,12990,1714086000,2024-04-25T23:10:00.123456Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00.5Z,w,odd",
            "5602,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,=cmd|' /C calc'!A0,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "5602,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,\"quoted, rule\",o,m,n,2024-04-25T23:00:00Z,w,odd",
            "5602,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,-,+1.5e3,@x,n,2024-04-25T23:00:00Z,w,odd",
            "5602,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd,extra",
            "5602,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,1.2.3.4,AE,HTTPS,2xx,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "",
            "5602,12990,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,ÄE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
            "0,0,2024-04-25T23:00:00Z,2024-04-25T23:10:00Z,147.161.161.82,AE,HTTPS,200,443,10.138.69.97,r,o,m,n,2024-04-25T23:00:00Z,w,odd",
        };
        StringBuilder b = new StringBuilder(seed.get(0)).append(",scenario").append(ending);
        int k = 0;
        for (int copy = 0; copy < copies; copy++) {
            for (int i = 1; i < seed.size(); i++) {
                b.append(seed.get(i)).append(",normal").append(ending);
                if (i % 7 == 0) b.append(odd[k++ % odd.length]).append(ending);
            }
        }
        b.setLength(b.length() - ending.length()); // the last line without its line break
        Path f = tmp.resolve(name);
        Files.writeString(f, b, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void copiedLinesAreTheFormattedRowsInOnePieceAndInTwoHalves() throws IOException {
        for (String ending : new String[] {"\n", "\r\n", "\r"}) {
            Path f = mixed("mixed.csv", 12, ending);
            for (ImportResult r : List.of(new CsvImporter(Long.MAX_VALUE).read(f), new CsvImporter(1).read(f))) {
                assertNotNull(r.rowText(), "a plain CSV keeps its rows' lines");
                long asWritten = java.util.Arrays.stream(r.rowText().lines()).filter(l -> l != RowText.NOT_AS_WRITTEN).count();
                // every seed line, and of the odd ones (30 of each) five: empty cells, zeros, a text status, and two
                // lines the writer neutralises (which it then formats)
                assertEquals(12 * 282 + 30 * 5, asWritten, "lines spelt as the writer spells them");
                assertEquals(12 * 282 + 30 * 14, r.table().rowCount(), "every odd line is a row but the blank one and the one with a field too many");
                assertSame(r, f, null);
                BitSet some = new BitSet();
                for (int row = 0; row < r.table().rowCount(); row += 3) some.set(row);
                assertSame(r, f, some);
            }
        }
    }

    @Test
    void aFileChangedSinceItWasReadIsFormattedNotCopied() throws IOException {
        Path f = mixed("changed.csv", 2, "\n");
        ImportResult r = new CsvImporter(Long.MAX_VALUE).read(f);
        byte[] formatted = write(r, null, "formatted.csv");
        byte[] asRead = Files.readAllBytes(f);
        // the same length, another spelling of the first data line's first cell: its line is no longer the row
        byte[] changed = asRead.clone();
        int first = new String(asRead, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
        changed[first] = changed[first] == '9' ? (byte) '8' : (byte) '9';
        FileTime readAt = Files.getLastModifiedTime(f);
        Files.write(f, changed);
        Files.setLastModifiedTime(f, FileTime.fromMillis(readAt.toMillis() + 1000));
        assertArrayEquals(formatted, write(r, r.rowText(), "after-a-change.csv"), "a changed time: every row formatted");
        Files.setLastModifiedTime(f, readAt); // same size and time: the copy is taken, and it shows the file's bytes
        assertNotEquals(new String(formatted, StandardCharsets.UTF_8), new String(write(r, r.rowText(), "copied.csv"), StandardCharsets.UTF_8));
        Files.write(f, java.util.Arrays.copyOf(asRead, asRead.length - 10));
        Files.setLastModifiedTime(f, readAt);
        assertArrayEquals(formatted, write(r, r.rowText(), "shorter.csv"), "another size: every row formatted");
    }

    @Test
    void aGzipOrSemicolonFileKeepsNoLines() throws IOException {
        Path f = mixed("plain.csv", 1, "\n");
        Path gz = tmp.resolve("plain.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(f));
        }
        assertNull(new CsvImporter().read(gz).rowText());
        Path semi = tmp.resolve("semi.csv");
        Files.writeString(semi, "bytes_in;bytes_out;src_ip;time\n10;20;1.2.3.4;2024-04-25T23:00:00Z\n");
        assertNull(new CsvImporter().read(semi).rowText());
    }

    private void assertSame(ImportResult r, Path f, BitSet view) throws IOException {
        assertArrayEquals(write(r, null, view, "formatted.csv"), write(r, r.rowText(), view, "copied.csv"),
                () -> f.getFileName() + (view == null ? "" : ", filtered"));
    }

    private byte[] write(ImportResult r, RowText text, String name) throws IOException {
        return write(r, text, null, name);
    }

    private byte[] write(ImportResult r, RowText text, BitSet view, String name) throws IOException {
        int n = r.table().rowCount();
        double[] scores = new double[n];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.pow(2, -(i % 1000) / 700.0);
            labels[i] = (byte) (i % 20 == 0 ? -1 : 1);
        }
        Path out = tmp.resolve(name);
        new ScoredCsvWriter().write(out, r.table(), scores, labels, null, view, text, ProgressListener.NONE, CancelToken.NEVER);
        return Files.readAllBytes(out);
    }
}
