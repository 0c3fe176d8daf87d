// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Some rows of a table as bytes and back, exactly: every number, time (with its microseconds), text, empty cell,
 * role and source line. This is how rows travel between the tasks of a distributed job, so each task can
 * rebuild a table and run the workbench's own code on it. A text column's dictionary keeps only the values the
 * rows use; a column that plays a role under two names (ALB's {@code received_bytes} is also {@code bytes_in}) is
 * written twice.
 */
public final class TableBytes {
    private static final int MAGIC = 0x54415742; // "TAWB"

    private TableBytes() { }

    /** The rows {@code rows} of {@code t}, in that order. */
    public static byte[] write(Table t, int[] rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows.length * t.columns().size() * 6);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(rows.length);
            List<Column> cols = t.columns();
            out.writeInt(cols.size());
            for (Column c : cols) writeColumn(out, c, rows);
            out.writeInt(t.roles().size());
            for (Map.Entry<Role, Column> e : t.roles().entrySet()) {
                out.writeUTF(e.getKey().name());
                out.writeInt(cols.indexOf(e.getValue()));
            }
            int[] lines = t.sourceLines();
            out.writeBoolean(lines != null);
            if (lines != null) for (int r : rows) out.writeInt(lines[r]);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is never short of room
        }
        return bytes.toByteArray();
    }

    private static void writeColumn(DataOutputStream out, Column c, int[] rows) throws IOException {
        out.writeUTF(c.name());
        if (c instanceof NumberColumn n) {
                out.writeByte(0);
                for (int r : rows) out.writeDouble(n.get(r));
                writeMissing(out, c, rows);
        } else if (c instanceof TimeColumn tc) {
                out.writeByte(1);
                out.writeBoolean(tc.micros() != null);
                for (int r : rows) out.writeLong(tc.get(r));
                if (tc.micros() != null) for (int r : rows) out.writeShort(tc.micros(r));
                writeMissing(out, c, rows);
        } else {
                TextColumn tx = (TextColumn) c;
                out.writeByte(2);
                String[] d = tx.dictionary();
                int[] local = new int[d.length];
                java.util.Arrays.fill(local, -1);
                local[0] = 0; // code 0 is the empty text in every dictionary
                List<String> used = new ArrayList<>(List.of(d[0]));
                int[] codes = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    int code = tx.code(rows[i]);
                    if (local[code] < 0) {
                        local[code] = used.size();
                        used.add(d[code]);
                    }
                    codes[i] = local[code];
                }
                out.writeInt(used.size());
                for (String s : used) writeText(out, s);
                for (int code : codes) out.writeInt(code);
        }
    }

    /** Text longer than writeUTF allows (a WAF record's headers) as length-prefixed UTF-8. */
    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void writeMissing(DataOutputStream out, Column c, int[] rows) throws IOException {
        BitSet m = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) if (c.isMissing(rows[i])) m.set(i);
        byte[] b = m.toByteArray();
        out.writeInt(b.length);
        out.write(b);
    }

    /** The table {@link #write} wrote. */
    public static Table read(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException("not a table's bytes");
            int n = in.readInt();
            int k = in.readInt();
            List<Column> cols = new ArrayList<>(k);
            for (int i = 0; i < k; i++) cols.add(readColumn(in, n));
            int roles = in.readInt();
            Map<Role, Column> byRole = new EnumMap<>(Role.class);
            for (int i = 0; i < roles; i++) byRole.put(Role.valueOf(in.readUTF()), cols.get(in.readInt()));
            int[] lines = null;
            if (in.readBoolean()) {
                lines = new int[n];
                for (int i = 0; i < n; i++) lines[i] = in.readInt();
            }
            return new Table(n, cols, byRole, lines);
        } catch (IOException e) {
            throw new IllegalArgumentException("a table's bytes end early", e);
        }
    }

    private static Column readColumn(DataInputStream in, int n) throws IOException {
        String name = in.readUTF();
        int kind = in.readByte();
        switch (kind) {
            case 0 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = in.readDouble();
                return new NumberColumn(name, v, readMissing(in));
            }
            case 1 -> {
                boolean micros = in.readBoolean();
                long[] ms = new long[n];
                for (int i = 0; i < n; i++) ms[i] = in.readLong();
                short[] us = null;
                if (micros) {
                    us = new short[n];
                    for (int i = 0; i < n; i++) us[i] = in.readShort();
                }
                return new TimeColumn(name, ms, readMissing(in), us);
            }
            case 2 -> {
                int d = in.readInt();
                String[] dict = new String[d];
                for (int i = 0; i < d; i++) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    dict[i] = new String(b, java.nio.charset.StandardCharsets.UTF_8);
                }
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) codes[i] = in.readInt();
                return new TextColumn(name, codes, dict);
            }
            default -> throw new IllegalArgumentException("unknown column kind " + kind);
        }
    }

    private static BitSet readMissing(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return BitSet.valueOf(b);
    }
}
