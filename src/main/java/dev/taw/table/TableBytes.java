// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Some rows of a table as bytes and back, exactly: every number, time (with its microseconds), text, empty cell,
 * role and source line. This is how rows travel between the tasks of a distributed job, so each task can
 * rebuild a table and run the workbench's own code on it. A text column's dictionary keeps only the values the
 * rows use; a column that plays a role under two names (ALB's {@code received_bytes} is also {@code bytes_in}) is
 * written twice. The size is known before writing, so the rows go into one buffer with no stream in between:
 * every row of a distributed log passes through here several times.
 */
public final class TableBytes {
    private static final int MAGIC = 0x54415742; // "TAWB"

    private TableBytes() { }

    /** One column's rows, ready to write: its dictionary's used values (text), its empty cells. */
    private record Prepared(byte[] name, Column column, byte[][] dictionary, int[] codes, byte[] missing, int size) { }

    /** The rows {@code rows} of {@code t}, in that order. */
    public static byte[] write(Table t, int[] rows) {
        List<Column> cols = t.columns();
        List<Prepared> prepared = new ArrayList<>(cols.size());
        int size = 12;
        for (Column c : cols) {
            Prepared p = prepare(c, rows);
            prepared.add(p);
            size += p.size();
        }
        List<byte[]> roleNames = new ArrayList<>();
        size += 4;
        for (Role r : t.roles().keySet()) {
            byte[] b = r.name().getBytes(StandardCharsets.UTF_8);
            roleNames.add(b);
            size += 8 + b.length;
        }
        int[] lines = t.sourceLines();
        size += 1 + (lines == null ? 0 : 4 * rows.length);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(MAGIC).putInt(rows.length).putInt(cols.size());
        for (Prepared p : prepared) put(out, p, rows);
        out.putInt(t.roles().size());
        int i = 0;
        for (Map.Entry<Role, Column> e : t.roles().entrySet()) {
            bytes(out, roleNames.get(i++));
            out.putInt(indexOf(cols, e.getValue()));
        }
        out.put((byte) (lines == null ? 0 : 1));
        if (lines != null) for (int r : rows) out.putInt(lines[r]);
        return out.array();
    }

    private static int indexOf(List<Column> cols, Column c) {
        for (int i = 0; i < cols.size(); i++) if (cols.get(i) == c) return i;
        throw new IllegalArgumentException("a role's column is not among the table's columns");
    }

    private static Prepared prepare(Column c, int[] rows) {
        byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
        int n = rows.length;
        int size = 4 + name.length + 1;
        if (c instanceof NumberColumn) {
            byte[] m = missing(c, rows);
            return new Prepared(name, c, null, null, m, size + 8 * n + 4 + m.length);
        }
        if (c instanceof TimeColumn tc) {
            byte[] m = missing(c, rows);
            return new Prepared(name, c, null, null, m, size + 1 + 8 * n + (tc.micros() != null ? 2 * n : 0) + 4 + m.length);
        }
        TextColumn tx = (TextColumn) c;
        String[] d = tx.dictionary();
        int[] local = new int[d.length];
        Arrays.fill(local, -1);
        local[0] = 0; // code 0 is the empty text in every dictionary
        List<byte[]> used = new ArrayList<>(List.of(d[0].getBytes(StandardCharsets.UTF_8)));
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int code = tx.code(rows[i]);
            if (local[code] < 0) {
                local[code] = used.size();
                used.add(d[code].getBytes(StandardCharsets.UTF_8));
            }
            codes[i] = local[code];
        }
        size += 4 + 4 * n;
        for (byte[] b : used) size += 4 + b.length;
        return new Prepared(name, c, used.toArray(byte[][]::new), codes, null, size);
    }

    private static void put(ByteBuffer out, Prepared p, int[] rows) {
        bytes(out, p.name());
        Column c = p.column();
        if (c instanceof NumberColumn nc) {
            out.put((byte) 0);
            double[] v = nc.values();
            for (int r : rows) out.putDouble(v[r]);
            bytes(out, p.missing());
        } else if (c instanceof TimeColumn tc) {
            out.put((byte) 1);
            out.put((byte) (tc.micros() != null ? 1 : 0));
            long[] v = tc.values();
            for (int r : rows) out.putLong(v[r]);
            if (tc.micros() != null) for (int r : rows) out.putShort(tc.micros()[r]);
            bytes(out, p.missing());
        } else {
            out.put((byte) 2);
            out.putInt(p.dictionary().length);
            for (byte[] b : p.dictionary()) bytes(out, b);
            for (int code : p.codes()) out.putInt(code);
        }
    }

    private static void bytes(ByteBuffer out, byte[] b) {
        out.putInt(b.length).put(b);
    }

    private static byte[] missing(Column c, int[] rows) {
        BitSet m = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) if (c.isMissing(rows[i])) m.set(i);
        return m.toByteArray();
    }

    /** The table {@link #write} wrote. */
    public static Table read(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            if (in.getInt() != MAGIC) throw new IllegalArgumentException("not a table's bytes");
            int n = in.getInt();
            int k = in.getInt();
            List<Column> cols = new ArrayList<>(k);
            for (int i = 0; i < k; i++) cols.add(column(in, n));
            int roles = in.getInt();
            Map<Role, Column> byRole = new EnumMap<>(Role.class);
            for (int i = 0; i < roles; i++) byRole.put(Role.valueOf(text(in)), cols.get(in.getInt()));
            int[] lines = null;
            if (in.get() == 1) {
                lines = new int[n];
                for (int i = 0; i < n; i++) lines[i] = in.getInt();
            }
            return new Table(n, cols, byRole, lines);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("a table's bytes end early", e);
        }
    }

    private static Column column(ByteBuffer in, int n) {
        String name = text(in);
        int kind = in.get();
        switch (kind) {
            case 0 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = in.getDouble();
                return new NumberColumn(name, v, missing(in));
            }
            case 1 -> {
                boolean micros = in.get() == 1;
                long[] ms = new long[n];
                for (int i = 0; i < n; i++) ms[i] = in.getLong();
                short[] us = null;
                if (micros) {
                    us = new short[n];
                    for (int i = 0; i < n; i++) us[i] = in.getShort();
                }
                return new TimeColumn(name, ms, missing(in), us);
            }
            case 2 -> {
                String[] dict = new String[in.getInt()];
                for (int i = 0; i < dict.length; i++) dict[i] = text(in);
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) codes[i] = in.getInt();
                return new TextColumn(name, codes, dict);
            }
            default -> throw new IllegalArgumentException("unknown column kind " + kind);
        }
    }

    private static String text(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static BitSet missing(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return BitSet.valueOf(b);
    }
}
