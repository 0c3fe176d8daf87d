// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A typo is a one-line usage error with exit 2, never a window (or a JavaFX stack trace on a machine without a display). */
class LauncherTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(savedErr);
    }

    @Test
    void anUnknownFirstWordIsAUsageError() {
        assertEquals(2, Launcher.commandLine(new String[] {"scroe", "file.csv"}));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("traffic-workbench: unknown command or missing file 'scroe' (did you mean 'score'?)\nusage: "), said);
        err.reset();
        assertEquals(2, Launcher.commandLine(new String[] {"--frobnicate"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("traffic-workbench: unknown option --frobnicate"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, Launcher.commandLine(new String[] {"no-such-file.csv"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing file 'no-such-file.csv'"));
    }

    @Test
    void theCommandLineRunsWithoutTheWindow() {
        assertEquals(2, Launcher.commandLine(new String[] {"score"}), "score with no input: its own usage error");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing INPUT"));
    }
}
