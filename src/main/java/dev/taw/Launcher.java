// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import dev.taw.cli.ReportCommand;
import dev.taw.cli.ScoreCommand;
import dev.taw.cli.TrainCommand;
import dev.taw.cli.WatchCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the jar and the installed launcher: {@code score …} runs the command line, no argument or a
 * file to open starts the window, anything else is a usage error. Not an {@code Application} subclass, so the
 * jar runs with JavaFX on the class path, and the window class is loaded by name so the command line never
 * touches JavaFX. A one-shot command runs in a child JVM with batch settings ({@link BatchJvm}).
 */
public final class Launcher {
    static final String USAGE = "usage: traffic-workbench [FILE-OR-FOLDER]      open the window (with that log)\n"
            + "       traffic-workbench score INPUT --output SCORED.csv [options]   see traffic-workbench score --help\n"
            + "       traffic-workbench train INPUT --model BASELINE.model [options]   see traffic-workbench train --help\n"
            + "       traffic-workbench report JOB_OUTPUT --output REPORT.pdf   see traffic-workbench report --help\n"
            + "       traffic-workbench watch FOLDER --model BASELINE.model --alerts ALERTS.jsonl   see traffic-workbench watch --help\n"
            + "       traffic-workbench --version | --help";

    private Launcher() { }

    public static void main(String[] args) throws Exception {
        if (BatchJvm.wanted(args)) {
            List<String> child = BatchJvm.command(args);
            if (child != null) {
                try {
                    System.exit(BatchJvm.run(child));
                } catch (java.io.IOException e) { // no child JVM to be had: the command runs here, as it would with the option off
                }
            }
        }
        int status = commandLine(args);
        if (status >= 0) System.exit(status);
        Class<?> app = Class.forName("dev.taw.ui.WorkbenchApp");
        try {
            app.getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            String why = noToolkit(e);
            if (why == null) throw e;
            System.err.println("traffic-workbench: " + why + "; for the command line: traffic-workbench score --help");
            System.exit(1);
        }
    }

    /** The one failure of starting the window a user can mend: no GTK 3 on Linux. @return it in words, or null */
    static String noToolkit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).contains("GTK")) {
                return "the window cannot start: " + t.getMessage() + " (install GTK 3, on Debian and Ubuntu: apt-get install libgtk-3-0)";
            }
        }
        return null;
    }

    /** Runs what is not the window; @return the exit status, or -1 when the window is to start */
    static int commandLine(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("Traffic Anomaly Workbench " + Version.get());
            return 0;
        }
        if (args.length > 0 && args[0].equals("score")) return new ScoreCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length));
        if (args.length > 0 && args[0].equals("train")) return new TrainCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length));
        if (args.length > 0 && args[0].equals("report")) return new ReportCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length));
        if (args.length > 0 && args[0].equals("watch")) return new WatchCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length));
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) return new ScoreCommand(System.out, System.err).run(new String[] {"--help"});
        boolean firstExists = args.length > 0 && exists(args[0]);
        if (args.length > 1 || (args.length == 1 && !firstExists)) {
            String first = args[0];
            System.err.println("traffic-workbench: " + (first.startsWith("-") ? "unknown option " + first
                    : firstExists ? "the window opens one file or folder, got " + args.length + " arguments"
                    : "unknown command or missing file '" + first + "'" + (first.length() > 2 && "score".startsWith(first.substring(0, 2)) ? " (did you mean 'score'?)" : "")));
            System.err.println(USAGE);
            return 2;
        }
        if (!hasDisplay()) {
            System.err.println("traffic-workbench: no display to open the window on (DISPLAY is not set); for the command line: traffic-workbench score --help");
            return 2;
        }
        return -1;
    }

    /** False, not an exception, for a name no file system accepts (a NUL byte, say). */
    private static boolean exists(String name) {
        try {
            return Files.exists(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** On Linux and the BSDs the window needs an X11 or Wayland display; Windows and macOS always have one. */
    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return true;
        if (Boolean.getBoolean("java.awt.headless") && "monocle".equals(System.getProperty("glass.platform"))) return true; // headless tests
        String x = System.getenv("DISPLAY"), wayland = System.getenv("WAYLAND_DISPLAY");
        return (x != null && !x.isBlank()) || (wayland != null && !wayland.isBlank());
    }
}
