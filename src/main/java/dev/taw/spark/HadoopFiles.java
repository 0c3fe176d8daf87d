// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The input files under the job's paths and prefixes (any file system Hadoop knows: s3://, s3a://, hdfs://, local),
 * in path order, the days outside the window left unread; and copying between those file systems and a task's
 * local disk, where the workbench's importer reads and its writers write.
 */
final class HadoopFiles implements Serializable {
    private final Map<String, String> conf;

    /** A file to read: its URI, its name as the rows' {@code source_file} says it, its size. */
    record Input(String uri, String name, long size) implements Serializable { }

    /** What listing found: the files to read, and how many the window left out. */
    record Listing(List<Input> files, int outsideWindow) { }

    HadoopFiles(Configuration c) {
        Map<String, String> m = new HashMap<>();
        c.forEach(e -> m.put(e.getKey(), e.getValue()));
        this.conf = m;
    }

    /** The Hadoop configuration of the driver, rebuilt in a task (Configuration itself is not serialisable). */
    Configuration conf() {
        Configuration c = new Configuration(false);
        conf.forEach(c::set);
        return c;
    }

    /**
     * Every file under {@code inputs}, recursively, in path order; names starting with {@code _} or {@code .}
     * (_SUCCESS, .crc, temporary files) are not logs. A file's {@code name} is its path below the input it was
     * found under (the file name for an input that is a file), as a folder opened in the window names its rows.
     */
    Listing list(List<String> inputs, LocalDate from, LocalDate to) throws IOException {
        List<Input> files = new ArrayList<>();
        int outside = 0;
        for (String in : inputs) {
            Path root = new Path(in);
            FileSystem fs = root.getFileSystem(conf());
            if (!fs.exists(root)) throw new IllegalArgumentException(in + ": no such file or prefix");
            FileStatus st = fs.getFileStatus(root);
            Path qualified = st.getPath();
            List<Input> found = new ArrayList<>();
            if (st.isFile()) {
                found.add(new Input(qualified.toString(), qualified.getName(), st.getLen()));
            } else {
                String base = qualified.toString().endsWith("/") ? qualified.toString() : qualified + "/";
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualified, true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    String uri = f.getPath().toString();
                    String rel = uri.startsWith(base) ? uri.substring(base.length()) : f.getPath().getName();
                    if (hidden(rel)) continue;
                    found.add(new Input(uri, inputs.size() == 1 ? rel : uri, f.getLen()));
                }
            }
            for (Input f : found) {
                if (PathDates.inWindow(f.uri(), from, to)) files.add(f);
                else outside++;
            }
        }
        files.sort(java.util.Comparator.comparing(Input::name));
        return new Listing(files, outside);
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) if (part.startsWith("_") || part.startsWith(".")) return true;
        return false;
    }

    /** A copy of the file on local disk under its own file name (the importer tells gzip by its bytes, and names the file in messages). */
    java.nio.file.Path toLocal(String uri, java.nio.file.Path dir) throws IOException {
        Path p = new Path(uri);
        java.nio.file.Path local = dir.resolve(p.getName());
        try (InputStream in = p.getFileSystem(conf()).open(p)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        }
        return local;
    }

    /** The whole of a small file (a model) from any file system. */
    byte[] readAll(String uri) throws IOException {
        Path p = new Path(uri);
        try (InputStream in = p.getFileSystem(conf()).open(p)) {
            return in.readAllBytes();
        }
    }

    /** A local file copied to {@code uri}, which must not exist: whole or not at all (see {@link #whole}). */
    void upload(java.nio.file.Path local, String uri) throws IOException {
        whole(uri, out -> {
            try (InputStream in = Files.newInputStream(local)) {
                in.transferTo(out);
            }
        });
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /**
     * Written beside its target under a name no reader takes for output ({@code _} first), then renamed: a job that
     * dies half way leaves no half file under the real name. (On S3 an object appears only when whole anyway.)
     */
    private void whole(String uri, Writing w) throws IOException {
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(conf());
        Path staged = new Path(p.getParent(), "_writing-" + p.getName());
        try {
            try (OutputStream out = fs.create(staged, true)) {
                w.to(out);
            }
            if (!fs.rename(staged, p)) throw new IOException(uri + ": cannot move the finished file into place");
        } finally {
            if (fs.exists(staged)) fs.delete(staged, false);
        }
    }

    /** A small text file (the job's report) written at {@code uri}. */
    void uploadText(String text, String uri) throws IOException {
        whole(uri, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** True when {@code uri} exists and is not an empty folder: the job never writes over earlier output. */
    boolean occupied(String uri) throws IOException {
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(conf());
        if (!fs.exists(p)) return false;
        return fs.getFileStatus(p).isFile() || fs.listStatus(p).length > 0;
    }
}
