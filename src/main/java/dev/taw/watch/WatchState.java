// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taw.export.AtomicWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a watch has done, saved beside its alerts after every file (whole or not at all, like every file we write):
 * each file it has dealt with (by its path under the folder, with the size and time it had then) and the length of
 * the alerts file at that point. A restart reads it and neither repeats nor skips a file.
 *
 * <pre>{"state": "traffic-workbench watch", "version": 1, "folder": "/abs/folder", "alerts_length": 12345,
 *  "files": {"2026/12/01/a.log.gz": {"size": 1234, "modified": 1764547200000, "outcome": "scored",
 *            "at": "2026-12-01T10:00:00Z", "records": 5000, "alerts": 2, "note": ""}}}</pre>
 */
final class WatchState {
    static final int VERSION = 1;
    /** A state file of ours stays far below this (a year of five-minute files is ~20 MB): anything larger is not ours. */
    static final long MAX_BYTES = 256L << 20;

    /** How a file was dealt with. */
    enum Outcome { SCORED, BAD, SKIPPED }

    /** One file dealt with: its size and modification time then, and what came of it. */
    record Done(long size, long modified, Outcome outcome, String at, long records, int alerts, String note) { }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String folder;
    private final Map<String, Done> files;
    private long alertsLength;
    private final boolean fresh;

    private WatchState(Path file, String folder, Map<String, Done> files, long alertsLength, boolean fresh) {
        this.file = file;
        this.folder = folder;
        this.files = files;
        this.alertsLength = alertsLength;
        this.fresh = fresh;
    }

    /**
     * Reads the state, or starts an empty one where there is none.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it, or when it is another folder's
     */
    static WatchState load(Path file, Path folder) throws IOException {
        String mine = folder.toAbsolutePath().normalize().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return new WatchState(file, mine, new TreeMap<>(), 0, true);
        }
        if (size > MAX_BYTES) throw new IllegalArgumentException(file + ": " + size + " bytes is not a watch state of ours");
        JsonNode n;
        try {
            n = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a watch state (not JSON, line " + e.getLocation().getLineNr() + "); move it away to start afresh");
        }
        if (n == null || !"traffic-workbench watch".equals(n.path("state").asText()) || !n.path("files").isObject()) {
            throw new IllegalArgumentException(file + ": not a watch state of ours; move it away to start afresh");
        }
        if (n.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException(file + ": a watch state of version " + n.path("version").asText() + "; this workbench reads version " + VERSION);
        }
        String theirs = n.path("folder").asText();
        if (!theirs.equals(mine)) {
            throw new IllegalArgumentException(file + ": the state of a watch on " + theirs + ", not " + mine + "; give this watch other --alerts or --state");
        }
        Map<String, Done> files = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode d = e.getValue();
            Outcome o;
            try {
                o = Outcome.valueOf(d.path("outcome").asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(file + ": file " + e.getKey() + " has no outcome we know ('" + d.path("outcome").asText() + "')");
            }
            files.put(e.getKey(), new Done(d.path("size").asLong(-1), d.path("modified").asLong(-1), o, d.path("at").asText(), d.path("records").asLong(),
                    d.path("alerts").asInt(), d.path("note").asText()));
        }
        return new WatchState(file, mine, files, Math.max(0, n.path("alerts_length").asLong()), false);
    }

    /** No state was saved before: the watch starts for the first time. */
    boolean fresh() { return fresh; }

    Done get(String path) { return files.get(path); }

    long alertsLength() { return alertsLength; }

    int size() { return files.size(); }

    /** Records a file and the alerts file's end after its alerts; call {@link #save} to keep it. */
    void put(String path, Done done, long alertsLength) {
        files.put(path, done);
        this.alertsLength = alertsLength;
    }

    void alertsLength(long length) { this.alertsLength = length; }

    /** Forgets files no longer in the folder (removed by a retention rule), so the state does not grow without end. */
    boolean keepOnly(Set<String> present) {
        return files.keySet().retainAll(present);
    }

    void save() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("state", "traffic-workbench watch");
        n.put("version", VERSION);
        n.put("folder", folder);
        n.put("alerts_length", alertsLength);
        ObjectNode f = n.putObject("files");
        files.forEach((path, d) -> {
            ObjectNode o = f.putObject(path);
            o.put("size", d.size());
            o.put("modified", d.modified());
            o.put("outcome", d.outcome().name().toLowerCase(java.util.Locale.ROOT));
            o.put("at", d.at());
            o.put("records", d.records());
            o.put("alerts", d.alerts());
            o.put("note", d.note());
        });
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        AtomicWrite.write(file, tmp -> Files.write(tmp, bytes));
    }
}
