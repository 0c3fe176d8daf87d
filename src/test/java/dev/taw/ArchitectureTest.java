// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core never touches JavaFX: only {@code dev.taw.ui} may reference {@code javafx.*} or ControlsFX,
 * {@code cli} and {@code ui} do not reference each other, and nothing references {@code ui}. Checked on
 * the compiled classes' constant pools, where every referenced class name appears as text.
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of("target", "classes", "dev", "taw");

    @Test
    void onlyTheUiPackageUsesJavaFx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path c : classes()) {
            String pkg = CLASSES.relativize(c).getName(0).toString();
            String pool = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            if (!pkg.equals("ui") && (pool.contains("javafx/") || pool.contains("org/controlsfx/"))) offenders.add(c + " uses JavaFX");
            if (!pkg.equals("ui") && pool.contains("dev/taw/ui/")) offenders.add(c + " depends on ui");
            if (pkg.equals("ui") && pool.contains("dev/taw/cli/")) offenders.add(c + " (ui) depends on cli");
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void theCheckSeesTheCore() throws IOException {
        assertTrue(classes().size() > 20, "compiled classes found under " + CLASSES.toAbsolutePath());
    }

    private static List<Path> classes() throws IOException {
        try (Stream<Path> s = Files.walk(CLASSES)) {
            return s.filter(p -> p.toString().endsWith(".class") && !p.getParent().equals(CLASSES)).toList();
        }
    }
}
