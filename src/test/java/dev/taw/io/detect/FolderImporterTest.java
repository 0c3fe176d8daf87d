// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportException;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.table.Column;
import dev.taw.table.Role;
import dev.taw.table.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synced S3 prefix: logs of several formats in date folders, plus files that are not logs. */
class FolderImporterTest {
    @TempDir
    Path tmp;

    private Path folder() throws IOException {
        Path day = Files.createDirectories(tmp.resolve("AWSLogs/111122223333/vpcflowlogs/us-east-1/2024/04/25"));
        Files.copy(TestData.resource("vpc/default-v2-with-header.log"), day.resolve("a_vpcflowlogs_20240425T2305Z.log"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(day.resolve("b_vpcflowlogs_20240425T2310Z.log.gz")))) {
            out.write(Files.readAllBytes(TestData.resource("vpc/custom-v5.log")));
        }
        Files.copy(TestData.seed(), tmp.resolve("export.csv"));
        Files.writeString(tmp.resolve("NOTES.txt"), "what we synced and when\n");
        Files.write(day.resolve("thumb.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
        Files.writeString(day.resolve(".DS_Store"), "x");
        return tmp;
    }

    @Test
    void everyLogUnderTheFolderOpensAsOneTableAndTheRestIsListed() throws IOException {
        List<String> stages = new ArrayList<>();
        ImportResult r = new LogImporter().read(folder(), LogFormat.AUTO, (s, d, t) -> stages.add(s), CancelToken.NEVER);
        Table t = r.table();
        assertEquals(282 + 4 + 3, t.rowCount());
        assertTrue(r.report().format().startsWith("folder, 3 file(s): "), r.report().format());
        assertTrue(r.report().format().contains("2 × VPC flow [header]") && r.report().format().contains("1 × CSV export"), r.report().format());
        String skipped = r.report().warnings().stream().filter(w -> w.contains("not traffic logs")).findFirst().orElseThrow();
        assertTrue(skipped.startsWith("2 file(s) are not traffic logs and were skipped"), skipped);
        assertTrue(skipped.contains("NOTES.txt") && skipped.contains("thumb.png"), skipped);
        assertTrue(r.report().warnings().stream().anyMatch(w -> w.contains("1 NODATA and 1 SKIPDATA")));
        assertTrue(stages.stream().anyMatch(s -> s.startsWith("Reading file 1 of 5")), stages.toString());
        // files in path order: the two flow logs (under AWSLogs/) first, then export.csv
        Column source = t.column("source_file").orElseThrow();
        assertTrue(source.format(0).endsWith("a_vpcflowlogs_20240425T2305Z.log"), source.format(0));
        assertEquals("export.csv", source.format(288));
        // the same roles joined: bytes_in of the CSV and of the oriented flow records are one column
        assertEquals(4380.0, t.number(Role.BYTES_IN).orElseThrow().get(0));
        assertEquals(5602.0, t.number(Role.BYTES_IN).orElseThrow().get(7));
        assertEquals("", t.text(Role.SRC_IP_COUNTRY_CODE).orElseThrow().format(0), "flow logs have no country of their own");
        assertEquals("AE", t.text(Role.SRC_IP_COUNTRY_CODE).orElseThrow().format(7));
    }

    @Test
    void theMixedFolderIsScoredWithCountriesFilledForTheFlowRecords() throws IOException {
        AnalysisPipeline p = new AnalysisPipeline();
        ImportResult r = p.importFile(folder(), ProgressListener.NONE, CancelToken.NEVER);
        assertEquals("reserved", r.table().text(Role.SRC_IP_COUNTRY_CODE).orElseThrow().format(0), "203.0.113.45 is a documentation address");
        // the flow file's request and reply became one connection: 6 flow rows, not 7
        assertTrue(r.report().countrySource().startsWith("empty src_ip_country_code cells filled: 6 row(s)"), r.report().countrySource());
        var a = p.analyze(r, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(288, a.scores().length);
    }

    @Test
    void aFolderWithoutLogsSaysSo() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "nothing\n");
        ImportException e = assertThrows(ImportException.class, () -> new LogImporter().read(tmp, LogFormat.AUTO,
                ProgressListener.NONE, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("none of the 1 files is a traffic log; first: a.txt"), e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.delete(tmp.resolve("a.txt"));
        ImportException e2 = assertThrows(ImportException.class, () -> new LogImporter().read(empty, LogFormat.AUTO,
                ProgressListener.NONE, CancelToken.NEVER));
        assertTrue(e2.getMessage().endsWith("the folder has no files"), e2.getMessage());
    }

    @Test
    void manySmallFilesReadOnSeveralThreadsKeepPathOrderAndLineNumbers() throws IOException {
        // 60 five-minute files, some gzip, one not a log in the middle, one that is cancelled-proof
        String header = "version srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status flow-direction\n";
        for (int f = 0; f < 60; f++) {
            Path dir = Files.createDirectories(tmp.resolve("2024/04/" + (20 + f / 20)));
            StringBuilder b = new StringBuilder(header);
            for (int k = 0; k < 50; k++) {
                b.append("5 198.51.").append(f).append('.').append(k).append(" 10.0.1.5 40000 443 6 3 ").append(f * 1000 + k)
                        .append(" 1714086000 1714086060 ACCEPT OK ingress\n");
            }
            Path file = dir.resolve(String.format("flows_%02d.log", f) + (f % 3 == 0 ? ".gz" : ""));
            if (f % 3 == 0) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            } else {
                Files.writeString(file, b);
            }
        }
        Files.writeString(tmp.resolve("2024/04/21/zz-readme.txt"), "not a log\n");
        List<String> stages = new ArrayList<>();
        ImportResult r = new LogImporter().read(tmp, LogFormat.AUTO, (stage, done, total) -> stages.add(stage), CancelToken.NEVER);
        Table t = r.table();
        assertEquals(60 * 50, t.rowCount());
        Column source = t.column("source_file").orElseThrow();
        for (int f = 0; f < 60; f++) {
            for (int k = 0; k < 50; k += 7) {
                int row = f * 50 + k;
                assertEquals((double) (f * 1000 + k), t.number(Role.BYTES_IN).orElseThrow().get(row), "row " + row);
                assertTrue(source.format(row).endsWith(String.format("flows_%02d.log", f) + (f % 3 == 0 ? ".gz" : "")), source.format(row));
                assertEquals(k + 2, t.sourceLines()[row], "line in its own file");
            }
        }
        assertTrue(r.report().warnings().stream().anyMatch(w -> w.contains("zz-readme.txt")), r.report().warnings().toString());
        assertTrue(stages.contains("Reading file 61 of 61: zz-readme.txt") || stages.stream().anyMatch(s -> s.startsWith("Reading file 61 of 61")),
                "progress per file");
        assertEquals(60 * 50 + 1, t.text(Role.SRC_IP).orElseThrow().distinctCount(), "one dictionary across the files");
    }

    @Test
    void cancellingAFolderStopsIt() throws IOException {
        for (int f = 0; f < 20; f++) Files.copy(TestData.resource("vpc/default-v2-with-header.log"), tmp.resolve("f" + f + ".log"));
        CancelToken token = new CancelToken();
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class, () -> new LogImporter().read(tmp,
                LogFormat.AUTO, (stage, done, total) -> {
                    if (stage.startsWith("Reading file 3")) token.cancel();
                }, token));
    }
}
