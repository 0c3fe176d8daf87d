// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import java.nio.file.Path;

/**
 * A file's name as messages show it. Messages are one line ({@code file:line: …}), so a name holding a line
 * break, a tab or another control character is shown quoted, with the character escaped ({@code "a\nb.log"}).
 */
public final class FileNames {
    private FileNames() { }

    /** The last element of {@code path} (the whole path when it has none), safe for a one-line message. */
    public static String of(Path path) {
        return shown(path.getFileName() == null ? path.toString() : path.getFileName().toString());
    }

    /** The whole path, safe for a one-line message. */
    public static String full(Path path) {
        return shown(path.toString());
    }

    static String shown(String name) {
        boolean plain = name.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '"');
        if (plain) return name;
        StringBuilder b = new StringBuilder("\"");
        for (char c : name.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c)); else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
