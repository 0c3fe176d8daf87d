// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.bench.SecondFlowGenerator;
import dev.taw.cli.ScoreCommand;
import dev.taw.cli.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The baseline workflow as a user runs it: {@code train} on a clean day of the second generator's flow logs, then
 * {@code score --model} on the next day (other random clients, the same regulars) with one incident injected.
 * The incident's host must be flagged, every kind of the seven; the normal hosts of day 2 mostly not: the false
 * alerts per 100,000 records are printed and bounded. Measured with the host forest's ψ of 2048: 30 false alerts
 * among 4,226 hosts, 34.0–34.8 per 100k records (0.7 % of the hosts, under the 1 % the host contamination asks
 * for), every incident at rank 1–10. With ψ 256 it was 12 false alerts, but the exfiltration ranked 82nd and was
 * missed, and the brute force and the beacon ranked 29th and 32nd. The README states it.
 */
class BaselineDaysTest {
    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void trainOnACleanDay() throws Exception {
        Path day1 = tmp.resolve("day1.log");
        new SecondFlowGenerator(1).write(day1, 0, Set.of());
        model = tmp.resolve("day1.model");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status = new TrainCommand(new PrintStream(said, true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {day1.toString(), "--model", model.toString()});
        assertEquals(0, status, said.toString(StandardCharsets.UTF_8));
        System.out.print(said.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"port scan", "ssh brute force", "syn flood", "database probes", "network sweep", "c2 beacon", "exfiltration"})
    void theIncidentAlertsAndTheNormalDayHardlyDoes(String incident) throws Exception {
        SecondFlowGenerator g = new SecondFlowGenerator(2);
        Path day2 = tmp.resolve(incident.replace(' ', '-') + ".log"), hosts = tmp.resolve(incident.replace(' ', '-') + "-hosts.csv");
        g.write(day2, 1, Set.of(incident));
        String attacker = g.attackers().keySet().iterator().next();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status = new ScoreCommand(new PrintStream(said, true, StandardCharsets.UTF_8), System.err).run(new String[] {day2.toString(), "--model", model.toString(),
                "-o", tmp.resolve("scored.csv").toString(), "--hosts", hosts.toString(), "--top", "0"});
        assertEquals(0, status);
        String summary = said.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("Baseline: day1.model, trained"), summary);
        long records = Files.lines(day2).count() - 1;
        List<String> lines = Files.readAllLines(hosts);
        boolean caught = false;
        int falseAlerts = 0, rank = -1;
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            boolean flagged = c[4].equals("-1");
            if (c[1].equals(attacker)) {
                caught = flagged;
                rank = Integer.parseInt(c[0]);
            } else if (flagged) {
                falseAlerts++;
            }
        }
        double per100k = falseAlerts * 100_000.0 / records;
        System.out.printf("baseline day 2, %s: incident host at rank %d, %s; %d false alerts among %d hosts, %.1f per 100k records%n", incident, rank,
                caught ? "flagged" : "NOT flagged", falseAlerts, lines.size() - 1, per100k);
        assertTrue(caught, incident + " host " + attacker + " was not flagged (rank " + rank + ")");
        assertTrue(per100k <= 40, falseAlerts + " false alerts in " + records + " records");
    }
}
