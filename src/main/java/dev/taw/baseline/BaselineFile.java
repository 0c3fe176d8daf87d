// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.baseline;

import dev.taw.export.AtomicWrite;
import dev.taw.features.Feature;
import dev.taw.features.HostFeature;
import dev.taw.features.HostReference;
import dev.taw.features.RowReference;
import dev.taw.features.Shares;
import dev.taw.io.FileNames;
import dev.taw.io.FlowView;
import dev.taw.model.FlatForest;
import dev.taw.model.ForestSettings;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The model file: our own format, documented in the README, read without running code (no Java serialisation)
 * and without allocating more than the file's own size. Layout, all numbers big-endian:
 *
 * <pre>
 *   "TAWMODEL"  8 bytes
 *   version     u16 (this writes 2 and reads 1 and 2), then u16 0
 *   length      u64: bytes of payload
 *   payload     a text description (u32 length + UTF-8), then the sections in a fixed order:
 *               trained (tool, time, input, counts, format, flow view, columns, settings; from format 2
 *               the settings end with the context window in ms, a u64, 0 for the whole log),
 *               row features (names, typical, low, high, session-length fill, share tables),
 *               row forest (depth, trees, ψ, node arrays), score ladder, cut-off,
 *               host part (present flag; features, typical, low, high, row word, forest, ladder, cut-off),
 *               known hosts (addresses, rows, bytes in, bytes out, host score) and countries, then "END!"
 *   checksum    u32: CRC-32 of the payload
 * </pre>
 *
 * Arrays are a u32 count and the elements; strings a u32 byte count and UTF-8. A reader refuses any version it
 * does not know: a newer format says so instead of being misread. Format 1 (before the context window) is read
 * as counting hosts over the whole log, which is what it did.
 */
public final class BaselineFile {
    static final byte[] MAGIC = "TAWMODEL".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 2;
    private static final int FIRST = 1;
    /** Larger than any real model (a million known hosts is ~40 MB); a bigger file is refused before it is read. */
    public static final long MAX_BYTES = 512L << 20;
    private static final int HEAD = 8 + 2 + 2 + 8;
    private static final int MAX_STRING = 1 << 20;

    private BaselineFile() { }

    /** A model file that cannot be used, and why, in one line naming the file. */
    public static final class BadModel extends IllegalArgumentException {
        BadModel(Path file, String why) {
            super(FileNames.full(file) + ": " + why);
        }
    }

    /** Writes the model whole or not at all. */
    public static void write(Baseline b, Path target) throws IOException {
        byte[] payload = payload(b);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer head = ByteBuffer.allocate(HEAD);
        head.put(MAGIC).putShort((short) VERSION).putShort((short) 0).putLong(payload.length);
        AtomicWrite.write(target, f -> {
            try (var out = Files.newOutputStream(f)) {
                out.write(head.array());
                out.write(payload);
                out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
        });
    }

    private static byte[] payload(Baseline b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bytes);
        str(o, "Traffic Anomaly Workbench baseline model, format " + VERSION + "\n" + b.describe() + "\n");
        Baseline.Trained t = b.trained();
        str(o, t.tool());
        o.writeLong(t.at().toEpochMilli());
        str(o, t.from());
        o.writeLong(t.rows());
        o.writeLong(t.hosts());
        str(o, t.format());
        str(o, t.flows().name());
        strs(o, t.columns().toArray(String[]::new));
        ForestSettings s = t.settings();
        o.writeInt(s.trees());
        o.writeDouble(s.contamination());
        o.writeLong(s.seed());
        o.writeInt(s.sampleSize());
        o.writeInt(s.extensionLevel());
        o.writeDouble(s.hostContamination());
        o.writeLong(s.contextWindow());

        RowReference r = b.rows();
        strs(o, r.features().stream().map(Enum::name).toArray(String[]::new));
        doubles(o, r.typical());
        doubles(o, r.low());
        doubles(o, r.high());
        o.writeDouble(r.durationFill());
        o.writeInt(r.shares().size());
        for (Feature f : r.features()) {
            Shares sh = r.shares().get(f);
            if (sh == null) continue;
            str(o, f.name());
            strs(o, sh.values());
            longs(o, sh.counts());
            o.writeLong(sh.total());
        }
        forest(o, b.rowForest().parts());
        doubles(o, b.rowLadder());
        o.writeDouble(b.rowCutOff());

        o.writeBoolean(b.hosts() != null);
        if (b.hosts() != null) {
            HostReference h = b.hosts();
            strs(o, h.features().stream().map(Enum::name).toArray(String[]::new));
            doubles(o, h.typical());
            doubles(o, h.low());
            doubles(o, h.high());
            str(o, h.records());
            forest(o, b.hostForest().parts());
            doubles(o, b.hostLadder());
            o.writeDouble(b.hostCutOff());
        }
        Baseline.Known k = b.known();
        strs(o, k.addresses());
        longs(o, k.rows());
        doubles(o, k.bytesIn());
        doubles(o, k.bytesOut());
        doubles(o, k.score());
        strs(o, k.countries());
        o.write("END!".getBytes(StandardCharsets.US_ASCII));
        o.flush();
        return bytes.toByteArray();
    }

    private static void forest(DataOutputStream o, FlatForest.Parts p) throws IOException {
        o.writeInt(p.depth());
        o.writeInt(p.trees());
        o.writeInt(p.psi());
        o.writeInt(p.feature().length);
        for (int v : p.feature()) o.writeInt(v);
        doubles(o, p.slope());
        doubles(o, p.bias());
        doubles(o, p.leaf());
    }

    private static void str(DataOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static void strs(DataOutputStream o, String[] v) throws IOException {
        o.writeInt(v.length);
        for (String s : v) str(o, s);
    }

    private static void doubles(DataOutputStream o, double[] v) throws IOException {
        o.writeInt(v.length);
        for (double d : v) o.writeDouble(d);
    }

    private static void longs(DataOutputStream o, long[] v) throws IOException {
        o.writeInt(v.length);
        for (long d : v) o.writeLong(d);
    }

    /**
     * Reads and checks a model: its size, header, version and checksum first, then every section's structure.
     *
     * @throws BadModel naming the file and what is wrong with it (missing, too large, not a model, a newer
     *                  version, truncated, corrupted)
     */
    public static Baseline read(Path file) {
        byte[] all;
        try {
            if (!Files.isRegularFile(file)) throw new BadModel(file, Files.exists(file) ? "is not a regular file" : "no such file");
            long size = Files.size(file);
            if (size > MAX_BYTES) throw new BadModel(file, String.format(java.util.Locale.ROOT, "%,d bytes is larger than any model (%,d at most); not a model file", size, MAX_BYTES));
            try (InputStream in = Files.newInputStream(file)) {
                all = in.readNBytes((int) Math.min(size, MAX_BYTES) + 1);
            }
        } catch (IOException e) {
            throw new BadModel(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (all.length < HEAD || !java.util.Arrays.equals(all, 0, 8, MAGIC, 0, 8)) throw new BadModel(file, "not a Traffic Workbench model (no TAWMODEL header)");
        ByteBuffer head = ByteBuffer.wrap(all, 8, HEAD - 8);
        int version = Short.toUnsignedInt(head.getShort());
        head.getShort();
        if (version < FIRST || version > VERSION) throw new BadModel(file, "model format " + version + ", but this version of the workbench reads formats " + FIRST + " to " + VERSION
                + (version > VERSION ? " (made by a newer version: update the workbench)" : ""));
        long length = head.getLong();
        long expected = HEAD + length + 4;
        if (length < 0 || expected != all.length) {
            throw new BadModel(file, all.length < expected || length < 0 ? "truncated: the header promises " + expected + " bytes, the file has " + all.length
                    : "corrupted: " + (all.length - expected) + " bytes after the end of the model");
        }
        CRC32 crc = new CRC32();
        crc.update(all, HEAD, (int) length);
        int stored = ByteBuffer.wrap(all, HEAD + (int) length, 4).getInt();
        if (stored != (int) crc.getValue()) throw new BadModel(file, "corrupted: the checksum does not match its content");
        try {
            return parse(new In(all, HEAD, HEAD + (int) length), version);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new BadModel(file, "corrupted: " + (e.getMessage() == null ? "a section ends early" : e.getMessage()));
        }
    }

    private static Baseline parse(In in, int version) {
        in.str(); // the description, for people reading the file
        String tool = in.str();
        Instant at = Instant.ofEpochMilli(in.i64());
        String from = in.str();
        long rows = in.i64(), hosts = in.i64();
        String format = in.str();
        FlowView flows = FlowView.valueOf(known(in.str(), FlowView.class));
        List<String> columns = List.of(in.strs());
        ForestSettings settings = new ForestSettings(in.i32(), in.f64(), in.i64(), in.i32(), in.i32(), in.f64(), version >= 2 ? in.i64() : 0);
        Baseline.Trained trained = new Baseline.Trained(tool, at, from, rows, hosts, format, flows, columns, settings);

        List<Feature> features = new ArrayList<>();
        for (String name : in.strs()) features.add(Feature.valueOf(known(name, Feature.class)));
        double[] typical = in.f64s(), low = in.f64s(), high = in.f64s();
        double fill = in.f64();
        int tables = in.count(1);
        Map<Feature, Shares> shares = new EnumMap<>(Feature.class);
        for (int i = 0; i < tables; i++) {
            Feature f = Feature.valueOf(known(in.str(), Feature.class));
            shares.put(f, new Shares(in.strs(), in.i64s(), in.i64()));
        }
        RowReference rowRef = new RowReference(features, typical, low, high, fill, shares);
        FlatForest rowForest = FlatForest.of(in.forest(), features.size()); // checks the arrays make a forest over these features
        double[] rowLadder = in.f64s();
        double rowCut = in.f64();
        dev.taw.model.Threshold.ofBaseline(rowLadder, settings.contamination(), rowCut);

        HostReference hostRef = null;
        FlatForest hostForest = null;
        double[] hostLadder = new double[0];
        double hostCut = Double.NaN;
        if (in.bool()) {
            List<HostFeature> hf = new ArrayList<>();
            for (String name : in.strs()) hf.add(HostFeature.valueOf(known(name, HostFeature.class)));
            hostRef = new HostReference(hf, in.f64s(), in.f64s(), in.f64s(), in.str());
            hostForest = FlatForest.of(in.forest(), hf.size());
            hostLadder = in.f64s();
            hostCut = in.f64();
            dev.taw.model.Threshold.ofBaseline(hostLadder, settings.hostContamination(), hostCut);
        }
        Baseline.Known known = new Baseline.Known(in.strs(), in.i64s(), in.f64s(), in.f64s(), in.f64s(), in.strs());
        if (!"END!".equals(new String(in.bytes(4), StandardCharsets.US_ASCII)) || in.remaining() != 0) {
            throw new IllegalArgumentException("the sections do not end where the model does");
        }
        return new Baseline(trained, rowRef, rowForest, rowLadder, rowCut, hostRef, hostForest, hostLadder, hostCut, known);
    }

    /** An enum constant's name, or an error saying the model names something this version does not know. */
    private static <E extends Enum<E>> String known(String name, Class<E> type) {
        for (E e : type.getEnumConstants()) if (e.name().equals(name)) return name;
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                + "' (a model from a newer version?)");
    }

    /** A bounded reader: every count is checked against the bytes left before anything is allocated. */
    private static final class In {
        private final ByteBuffer b;

        In(byte[] all, int from, int to) {
            b = ByteBuffer.wrap(all, from, to - from);
        }

        int remaining() { return b.remaining(); }

        int i32() { return b.getInt(); }
        long i64() { return b.getLong(); }
        double f64() { return b.getDouble(); }

        boolean bool() {
            byte v = b.get();
            if (v != 0 && v != 1) throw new IllegalArgumentException("a flag of " + v);
            return v == 1;
        }

        /** A count of elements of at least {@code size} bytes each, no more than the bytes left can hold. */
        int count(int size) {
            int n = b.getInt();
            if (n < 0 || (long) n * size > b.remaining()) throw new IllegalArgumentException("a count of " + Integer.toUnsignedString(n) + " with "
                    + b.remaining() + " bytes left");
            return n;
        }

        byte[] bytes(int n) {
            if (n > b.remaining()) throw new IllegalArgumentException("a section ends early");
            byte[] v = new byte[n];
            b.get(v);
            return v;
        }

        String str() {
            int n = count(1);
            if (n > MAX_STRING) throw new IllegalArgumentException("a text of " + n + " bytes");
            return new String(bytes(n), StandardCharsets.UTF_8);
        }

        String[] strs() {
            String[] v = new String[count(4)];
            for (int i = 0; i < v.length; i++) v[i] = str();
            return v;
        }

        double[] f64s() {
            double[] v = new double[count(8)];
            for (int i = 0; i < v.length; i++) v[i] = b.getDouble();
            return v;
        }

        long[] i64s() {
            long[] v = new long[count(8)];
            for (int i = 0; i < v.length; i++) v[i] = b.getLong();
            return v;
        }

        FlatForest.Parts forest() {
            int depth = i32(), trees = i32(), psi = i32();
            int[] feature = new int[count(4)];
            for (int i = 0; i < feature.length; i++) feature[i] = b.getInt();
            return new FlatForest.Parts(depth, trees, psi, feature, f64s(), f64s(), f64s());
        }
    }
}
