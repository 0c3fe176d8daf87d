// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the shared datasets and their own fixtures. */
public final class TestData {
    private TestData() { }

    /** {@code ../shared/data}, or the {@code shared.data} system property surefire sets. */
    public static Path shared() {
        String p = System.getProperty("shared.data");
        Path dir = p != null ? Path.of(p) : Path.of("..", "shared", "data");
        if (!Files.isDirectory(dir)) throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath());
        return dir;
    }

    public static Path seed() {
        return shared().resolve("cloudwatch").resolve("CloudWatch_Traffic_Web_Attack.csv");
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource missing: " + name, e);
        }
    }

    /** Imports a file or folder as the window and the command line do, its format detected from the content. */
    public static dev.taw.io.ImportResult importLog(Path p) {
        return new dev.taw.io.detect.LogImporter().read(p, dev.taw.io.LogFormat.AUTO, dev.taw.job.ProgressListener.NONE,
                dev.taw.job.CancelToken.NEVER);
    }

    /** A cell as the table shows it. */
    public static String cell(dev.taw.table.Table t, String column, int row) {
        return t.column(column).orElseThrow().format(row);
    }
}
