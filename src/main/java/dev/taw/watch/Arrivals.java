// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files in the watched folder and its subfolders (an {@code aws s3 sync} copy keeps the bucket's dated key
 * layout), and which of them are complete. A file is complete when its size and modification time are what
 * they were at the last look and it has not been modified for the settle time: a shipper appending to it, or
 * a download in progress, keeps changing one of them. Hidden files and the usual names of files being written
 * ({@code .tmp}, {@code .part}, {@code ~}, the aws CLI's download names) are never candidates.
 */
final class Arrivals {
    /** A file as one look saw it; {@code path} is relative to the folder, with '/' between names. */
    record Seen(Path file, String path, long size, long modified) {
        boolean same(Seen o) { return o != null && o.size == size && o.modified == modified; }
    }

    /** Arrival order: the oldest modification first (a synced copy keeps the bucket's times), then by name. */
    static final Comparator<Seen> ARRIVAL = Comparator.comparingLong(Seen::modified).thenComparing(Seen::path);

    private final Path folder;
    private final Set<Path> ours;          // the alerts, state and model files, should they be inside the folder
    private Map<String, Seen> last = Map.of();
    private final Set<String> unreadable = new HashSet<>(); // told once each
    private final List<String> notes = new ArrayList<>();

    Arrivals(Path folder, Set<Path> ours) {
        this.folder = folder;
        this.ours = new HashSet<>();
        for (Path p : ours) this.ours.add(p.toAbsolutePath().normalize());
    }

    /** Every candidate file now, in arrival order. */
    List<Seen> look() throws IOException {
        List<Seen> now = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(folder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file) && !beingWritten(file) && !ours.contains(file.toAbsolutePath().normalize())) {
                    now.add(new Seen(file, relative(file), attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // a subfolder we may not read, or a file gone between listing and looking: the rest is still watched
                if (Files.exists(file) && unreadable.add(relative(file))) notes.add("cannot read " + relative(file) + ": " + reason(e));
                return FileVisitResult.CONTINUE;
            }
        });
        now.sort(ARRIVAL);
        return now;
    }

    /**
     * The files of this look that are complete: unchanged since the previous look and not modified for
     * {@code settleMillis}. With {@code oneLook} (a single pass, no previous look to compare with) the time alone decides.
     */
    List<Seen> complete(List<Seen> now, long nowMillis, long settleMillis, boolean oneLook) {
        List<Seen> done = new ArrayList<>();
        Map<String, Seen> byPath = new HashMap<>();
        for (Seen s : now) {
            byPath.put(s.path(), s);
            if (nowMillis - s.modified() >= settleMillis && (oneLook || s.same(last.get(s.path())))) done.add(s);
        }
        last = byPath;
        return done;
    }

    /** What the looks could not read, since the last call. */
    List<String> drainNotes() {
        List<String> n = List.copyOf(notes);
        notes.clear();
        return n;
    }

    private String relative(Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * The aws CLI (s3transfer) downloads to the file's name plus a dot and 8 random letters and digits, then renames
     * it: "x.log.gz.a1B2c3D4". A stalled download would otherwise settle and be scored as a partial file under that name.
     */
    private static final java.util.regex.Pattern S3_DOWNLOAD = java.util.regex.Pattern.compile(".*\\.(gz|log|json|csv|txt|parquet)\\.[A-Za-z0-9]{8}");

    static boolean beingWritten(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".tmp") || n.endsWith(".part") || n.endsWith("~") || n.endsWith(".crdownload") || S3_DOWNLOAD.matcher(n).matches();
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
