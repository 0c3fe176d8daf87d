// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the packaged app-image: its own launcher and trimmed runtime score the seed headless. */
class PackagedLauncherIT {
    static final Path IMAGE = Path.of("target", "dist", "traffic-workbench");

    @TempDir
    Path tmp;

    private Process run(List<String> args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(IMAGE.resolve("bin").resolve("traffic-workbench").toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        return pb.start();
    }

    @Test
    void theInstalledLauncherRunsTheCommandLine() throws Exception {
        Path out = tmp.resolve("scored.csv");
        Path pdf = tmp.resolve("report.pdf");
        Process p = run(List.of("score", TestData.seed().toAbsolutePath().toString(), "--output", out.toString(), "--report", pdf.toString()));
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("282 records read, 282 imported, 0 skipped"), text);
        assertEquals(283, Files.readAllLines(out).size());
        assertTrue(Files.size(pdf) > 10_000, "the report needs java.desktop and the bundled fonts in the image");
    }

    @Test
    void theInstalledLauncherTrainsAndWatchesAsTheServiceUnitRunsIt() throws Exception {
        Path model = tmp.resolve("seed.model"), logs = Files.createDirectories(tmp.resolve("logs/2026/12/02"));
        Process t = run(List.of("train", TestData.seed().toAbsolutePath().toString(), "--model", model.toString()));
        String trained = new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(t.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, t.exitValue(), trained);
        Files.copy(TestData.seed(), logs.resolve("seed.csv"));
        Path alerts = tmp.resolve("alerts.jsonl");
        Process w = run(List.of("watch", tmp.resolve("logs").toString(), "--model", model.toString(), "--alerts", alerts.toString(), "--once", "--settle", "0s"));
        String said = new String(w.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(w.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, w.exitValue(), said);
        assertTrue(said.contains(" scored 2026/12/02/seed.csv: 282 records, "), said);
        for (String line : Files.readAllLines(alerts)) assertTrue(line.startsWith("{\"class_uid\":2004,"), line);
        assertTrue(Files.exists(tmp.resolve("alerts.jsonl.state")));
    }

    @Test
    void theBundledCountryDatabaseWorksInsideThePackage() throws Exception {
        List<String> lines = Files.readAllLines(TestData.seed()).stream()
                .map(l -> l.replaceFirst("^(([^,]*,){5})[^,]*,", "$1")).toList(); // drop the country column
        Path noCountry = Files.write(tmp.resolve("no-country.csv"), lines);
        Process p = run(List.of("score", noCountry.toString(), "-o", tmp.resolve("s.csv").toString(), "--top", "3"));
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("src_ip_country_code added: 282 row(s)"), text);
        assertTrue(text.contains("Number Resource Organization (nro.net), CC BY 4.0"), text);
    }

    @Test
    void theRuntimeIsTrimmedToTheModulesTheAppUses() throws IOException {
        String release = Files.readString(IMAGE.resolve("lib").resolve("runtime").resolve("release"));
        assertTrue(release.contains("javafx.controls") && release.contains("java.desktop"), release);
        assertFalse(release.contains("java.compiler") || release.contains("jdk.jshell") || release.contains("java.xml.crypto"), release);
    }

    @Test
    void theVersionComesFromTheBuild() throws Exception {
        Process p = run(List.of("--version"));
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("Traffic Anomaly Workbench " + System.getProperty("project.version"), text);
    }

    @Test
    void aBadInputIsOneLineAndNonZero() throws Exception {
        Process p = run(List.of("score", tmp.resolve("missing.csv").toString(), "-o", tmp.resolve("x.csv").toString()));
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.endsWith("missing.csv: file not found"), text);
    }
}
