// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.web;

import static dev.taw.TestData.importLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An NLB line among ALB lines (two load balancers' logs synced into one prefix) is named as what it is, not
 * as a bad client address. The NLB line is the example of the AWS documentation ("Access logs for your Network
 * Load Balancer", Elastic Load Balancing User Guide).
 */
class NlbLinesTest {
    static final String NLB = "tls 2.0 2018-12-20T02:59:40 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd 72.21.218.154:51341 "
            + "172.100.100.185:443 5 2 98 246 - arn:aws:acm:us-east-2:671290407336:certificate/2a108f19-aded-46b0-8493-c63eb1ef4a99 - "
            + "ECDHE-RSA-AES128-SHA tlsv12 - my-network-loadbalancer-c6e77e28c25b2234.elb.us-east-2.amazonaws.com - - - 2018-12-20T02:59:30";

    @TempDir
    Path tmp;

    @Test
    void anNlbLineInAnAlbFileIsNamedAsOne() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("sample-data", "alb-access-sample.log")).subList(0, 20));
        lines.add(10, NLB);
        ImportResult r = importLog(Files.write(tmp.resolve("mixed.log"), lines));
        assertEquals(20, r.table().rowCount());
        assertEquals(1, r.report().skippedCount());
        ImportIssue issue = r.report().issues().get(0);
        assertEquals(ImportIssue.Reason.OTHER_FORMAT, issue.reason());
        assertEquals(11, issue.line());
        assertTrue(issue.toString().contains("a Network Load Balancer (TLS listener) line, not an ALB request"), issue.toString());
    }
}
