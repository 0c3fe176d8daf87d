// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.detect.LogImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers as other tools spell them: underscores (Athena, Parquet delivery), and newer field names with digits. */
class FlowHeaderSpellingTest {
    @TempDir
    Path tmp;

    private ImportResult read(List<String> lines) throws IOException {
        Path f = Files.write(tmp.resolve("flows.log"), lines);
        return new LogImporter().read(f, LogFormat.AUTO, ProgressListener.NONE, CancelToken.NEVER);
    }

    @Test
    void underscoresReadAsTheHyphensAwsDocuments() throws IOException {
        ImportResult r = read(List.of(
                "version account_id interface_id srcaddr dstaddr srcport dstport protocol packets bytes start end action log_status pkt_srcaddr",
                "5 111122223333 eni-0a1b2c3d 203.0.113.45 10.0.1.20 51544 443 6 12 4380 1714086000 1714086060 REJECT OK 203.0.113.45"));
        assertEquals(1, r.table().rowCount(), r.report().issues().toString());
        assertEquals("REJECT", r.table().column(Role.VERDICT).orElseThrow().format(0));
        assertEquals("203.0.113.45", r.table().column(Role.SRC_IP).orElseThrow().format(0));
        assertTrue(r.table().column("log-status").isPresent(), "named as AWS documents it");
    }

    @Test
    void aFieldNameWithADigitIsRecognisedAndKept() throws IOException {
        ImportResult r = read(List.of(
                "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status instance-tag-2",
                "5 eni-0a1b2c3d 203.0.113.45 10.0.1.20 51544 443 6 12 4380 1714086000 1714086060 ACCEPT OK web"));
        assertEquals(1, r.table().rowCount(), r.report().issues().toString());
        assertEquals("web", r.table().column("instance-tag-2").orElseThrow().format(0));
        assertEquals(List.of("instance-tag-2"), r.report().extraColumns());
    }

    @Test
    void aRecordIsNeverTakenForAHeader() {
        byte[] b = "eni-0a1b2c3d 10.0.1.20 203.0.113.45 ACCEPT OK".getBytes();
        assertTrue(!FlowFields.mayBeHeader(b, 0, b.length));
        byte[] n = "5 111122223333 eni-1 x y".getBytes();
        assertTrue(!FlowFields.mayBeHeader(n, 0, n.length));
    }
}
