// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import dev.taw.cli.ScoreCommand;
import java.util.Arrays;

/**
 * Entry point of the jar and the installed launcher: {@code score …} runs the command line, anything else
 * opens the window. Not an {@code Application} subclass, so the jar runs with JavaFX on the class path,
 * and the window class is loaded by name so the command line never touches JavaFX.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("Traffic Anomaly Workbench " + Version.get());
            return;
        }
        if (args.length > 0 && (args[0].equals("score") || args[0].equals("--help") || args[0].equals("-h"))) {
            String[] rest = args[0].equals("score") ? Arrays.copyOfRange(args, 1, args.length) : new String[] {"--help"};
            System.exit(new ScoreCommand(System.out, System.err).run(rest));
        }
        Class<?> app = Class.forName("dev.taw.ui.WorkbenchApp");
        app.getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
