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

    @Test
    void noGtkIsOneLineSayingWhatToInstall() {
        // what JavaFX throws on a Linux without GTK 3, wrapped as the reflective start of the window wraps it
        Throwable thrown = new java.lang.reflect.InvocationTargetException(new RuntimeException(
                new UnsupportedOperationException("Unable to load glass GTK library.")));
        org.junit.jupiter.api.Assertions.assertEquals("the window cannot start: Unable to load glass GTK library. (install GTK 3, on Debian and Ubuntu: "
                + "apt-get install libgtk-3-0)", Launcher.noToolkit(thrown));
        org.junit.jupiter.api.Assertions.assertNull(Launcher.noToolkit(new java.lang.reflect.InvocationTargetException(new IllegalStateException("other"))));
    }
}
