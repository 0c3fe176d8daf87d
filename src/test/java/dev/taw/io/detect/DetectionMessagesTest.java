// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.detect;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.io.ImportException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When detection fails, the message names what the file looks like and what would make it readable, not a missing bytes_in. */
class DetectionMessagesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"message\":\"2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\",\"logGroup\":\"vpc\"}"
            + "|log lines wrapped in JSON by a log shipper|jq -r .message",
        "5 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK vpc-1"
            + "|VPC flow records in a custom format without their header line (14 fields|put the format's header line",
        "6 TransitGateway 123456789010 tgw-0123456789abcdef0 tgw-attach-0123 10.0.1.5 10.1.2.3 443 51000 6 10 800 1659000000 1659000060 OK"
            + "|a Transit Gateway flow log without its header line (15 fields)|open it with its header line",
    })
    void theMessageNamesTheKindAndTheWayForward(String line, String kind, String way) throws Exception {
        Path f = Files.writeString(tmp.resolve("log.txt"), line + "\n");
        ImportException e = assertThrows(ImportException.class, () -> TestData.importLog(f));
        assertTrue(e.getMessage().startsWith("log.txt: " + kind), e.getMessage());
        assertTrue(e.getMessage().contains(way), e.getMessage());
        assertTrue(!e.getMessage().contains("bytes_in"), "no complaint about a CSV column: " + e.getMessage());
    }
}
