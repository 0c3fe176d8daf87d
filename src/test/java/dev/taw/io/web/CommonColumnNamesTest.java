// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.cli.ScoreCommand;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scored CSV of any format has the columns a SIEM rule or a spreadsheet looks for, beside the fields they
 * come from: ALB's received_bytes and sent_bytes are also bytes_in and bytes_out, CloudFront's c-ip is also
 * src_ip, cs-bytes and sc-bytes also bytes_in and bytes_out.
 */
class CommonColumnNamesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alb-access-sample.log, received_bytes, sent_bytes, src_ip", "cloudfront-sample.log, cs-bytes, sc-bytes, c-ip"})
    void theCommonNamesStandBesideTheFormatsOwn(String sample, String in, String out, String client) throws Exception {
        Path scored = tmp.resolve("s.csv");
        int status = new ScoreCommand(new PrintStream(OutputStream.nullOutputStream()), System.err)
                .run(new String[] {Path.of("sample-data", sample).toString(), "-o", scored.toString(), "-q"});
        assertEquals(0, status);
        List<String> lines = Files.readAllLines(scored);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        for (String name : List.of("bytes_in", "bytes_out", "src_ip", in, out, client)) assertTrue(header.contains(name), name + " in " + header);
        for (String line : lines.subList(1, 200)) {
            List<String> cells = Arrays.asList(line.split(",", -1));
            if (cells.size() != header.size()) continue; // a quoted comma: the plain split cannot line it up
            assertEquals(cells.get(header.indexOf(in)), cells.get(header.indexOf("bytes_in")));
            assertEquals(cells.get(header.indexOf(out)), cells.get(header.indexOf("bytes_out")));
            assertEquals(cells.get(header.indexOf(client)), cells.get(header.indexOf("src_ip")));
        }
    }
}
