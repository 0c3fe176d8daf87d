// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.cli.ScoreCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file too small or too uniform to rank gets a sentence saying why and what to do, not the forest's complaint. */
class NothingToCompareTest {
    @TempDir
    Path tmp;

    @Test
    void oneRecordSaysWhatToDo() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "vpc-flow-sample.log"));
        Path one = Files.write(tmp.resolve("one.log"), lines.subList(0, 2));
        String err = fails(one);
        assertTrue(err.startsWith("traffic-workbench score: one.log: only 1 row was imported"), err);
        assertTrue(err.contains("open more of this source's logs"), err);
    }

    @Test
    void oneClientAlikeInEveryFeatureSaysWhichAndWhatToDo() throws Exception {
        List<String> one = Files.readAllLines(Path.of("sample-data", "waf-sample.log")).stream().filter(l -> l.contains("\"clientIp\":\"193.32.162.10\"")).toList();
        Path waf = Files.write(tmp.resolve("one-client.log"), one);
        String err = fails(waf);
        assertTrue(err.contains("from one source address (193.32.162.10), are alike in every feature"), err);
        assertTrue(err.contains("same value in every row"), "names the features that do not vary: " + err);
        assertTrue(err.contains("open more of this source's logs") && err.contains("or switch on features that vary"), err);
        assertEquals(1, err.lines().count(), "one line");
    }

    @Test
    void theWayForwardItNamesWorks_aBaselineJudgesOneRecordAndOneClient() throws Exception {
        for (String[] c : new String[][] {{"vpc-flow-sample.log", "0 2"}, {"waf-sample.log", "\"clientIp\":\"193.32.162.10\""}}) {
            Path sample = Path.of("sample-data", c[0]), model = tmp.resolve(c[0] + ".model");
            assertEquals(0, new dev.taw.cli.TrainCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)
                    .run(new String[] {sample.toString(), "--model", model.toString(), "-q"}));
            List<String> all = Files.readAllLines(sample);
            List<String> small = c[1].equals("0 2") ? all.subList(0, 2) : all.stream().filter(l -> l.contains(c[1])).toList();
            Path input = Files.write(tmp.resolve("small-" + c[0]), small);
            assertTrue(fails(input).contains("or judge it by a baseline trained on that source's normal traffic (traffic-workbench score FILE --model"));
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Path scored = tmp.resolve("scored-" + c[0] + ".csv");
            int status = new ScoreCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new String[] {input.toString(), "--model", model.toString(), "-o", scored.toString()});
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            String said = out.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("Baseline: " + c[0] + ".model"), said);
            long rows = Files.readAllLines(scored).size() - 1;
            assertTrue(rows >= 1, "every row scored");
            assertTrue(said.contains("Result: " + rows + " rows"), said);
            System.out.println("judged by its baseline, " + input.getFileName() + ": " + said.lines().filter(l -> l.startsWith("Result:")).findFirst().orElse(""));
        }
    }

    private String fails(Path input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Path scored = tmp.resolve("scored.csv");
        int status = new ScoreCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {input.toString(), "-o", scored.toString()});
        assertEquals(1, status);
        assertFalse(Files.exists(scored), "nothing written");
        return err.toString(StandardCharsets.UTF_8).strip();
    }
}
