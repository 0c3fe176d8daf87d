// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import dev.taw.io.Cells;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue.Reason;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.io.Plausible;
import dev.taw.io.TableAssembler;
import dev.taw.io.Timestamps;
import dev.taw.io.read.LineRecords;
import dev.taw.io.read.LineView;
import dev.taw.io.read.SplitAhead;
import dev.taw.net.AddressClass;
import dev.taw.table.Interner;
import dev.taw.table.NumberColumn;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the records of one flow-log file, byte by byte where the reader holds them: the current field list
 * (a header may recur mid-file), each field parsed by its kind, addresses looked up once per record, and each
 * record oriented by {@link FlowOrientation}; at the end, the table.
 */
/** One file's state: the current field order, the columns being built, the counts. */
final class FlowRecordParser {
    final LineRecords lr;
    private final LineView lines;
    /** One dictionary for every address field: a record's addresses recur in several of them. */
    private final Interner addresses = new Interner();
    private FlowColumns own = new FlowColumns(addresses);
    private final FlowDerived derived = new FlowDerived(addresses);
    private String[] fields;
    private int iStatus, iSrc, iDst, iPktSrc, iPktDst, iDirection, iBytes, iSrcPort, iDstPort, iProtocol;
    /** The builder of each field of the current field list, by position (one of the three is set). */
    private NumberColumn.Builder[] nb;
    /** The range each field's numbers must be in (null: no rule), by position. */
    private Plausible.Rule[] rules;
    private TimeColumn.Builder[] tb;
    private TextColumn.Builder[] xb;
    private String variant;
    private long noData;
    private long skipData;
    private long headersReapplied;

    FlowRecordParser(LineRecords lr, LineView lines) {
        this.lr = lr;
        this.lines = lines;
    }

    // the current line: its bytes, whether they are ASCII, and each field's start and end
    private byte[] b;
    private boolean ascii;
    private final SplitAhead.Fields fields64 = new SplitAhead.Fields(64);
    /** The current line's field bounds, hashes and digits, from index {@link #o}: the split thread's own arrays, not a copy. */
    private int[] fs = fields64.start;
    private int[] fe = fields64.end;
    private int[] fh = fields64.hash;
    private long[] fd = fields64.digits;
    private int o;
    private double[] num = new double[0];
    /** Per field of this record: whether it is "-" (no value), worked out once in the first pass over the fields. */
    private boolean[] dashAt = new boolean[0];
    private int[] codeOf = new int[0];         // per address field of this record: its code in addresses, -1 not looked up yet
    private boolean[] isAddress = new boolean[0];
    private int[] addressFields = new int[0];
    private long[] time = new long[0];
    /** Per distinct address (by code in {@link #addresses}): 1 inside the VPC, 2 outside, 3 not an address, 0 not classified yet. */
    private byte[] insideByCode = new byte[1024];
    private int protocolCode;

    void accept(LineView reader, long lineNo) {
        int from = lr.start(reader, lineNo, variant == null ? "VPC flow" : variant);
        if (from < 0) return;
        b = reader.lineBytes();
        ascii = reader.lineAscii();
        int to = reader.lineEnd();
        if (FlowFields.mayBeHeader(b, from, to)) {
            String line = text(from, to);
            if (FlowFields.isHeader(line)) {
                if (fields != null) headersReapplied++;
                useFields(FlowFields.names(line), "header");
                return;
            }
        }
        if (fields == null) {
            String line = text(from, to);
            if (!FlowFields.isHeaderlessV2(line)) throw new ImportException(lr.file + ":" + lineNo + ": not a VPC flow log (no header line, and not the default"
                    + " 14-field format) — first line: \"" + ImportIssue.snippet(line) + "\"");
            useFields(FlowFields.DEFAULT_V2.toArray(String[]::new), "default v2, no header");
        }
        lr.read++;
        int n = split(from, to);
        if (n == fields.length + 1) { // a trailing token (a shipper's marker, a stray field): the fields before it line up, as other readers take them
            if (trailing++ == 0) firstTrailing = lineNo;
            n = fields.length;
        } else if (n != fields.length) {
            skip(lineNo, null, Reason.FIELD_COUNT, "expected " + fields.length + " fields, found " + n, text(from, to));
            return;
        }
        if (iStatus >= 0 && is(iStatus, "NODATA")) {
            noData++;
            return;
        }
        if (iStatus >= 0 && is(iStatus, "SKIPDATA")) {
            skipData++;
            return;
        }
        Arrays.fill(codeOf, -1);
        for (int i = 0; i < n; i++) {
            if (dashAt[i] = dash(i)) {
                num[i] = Double.NaN;
                continue;
            }
            if (nb[i] != null) {
                num[i] = fd[o + i] >= 0 ? fd[o + i] : Cells.parseNumber(b, fs[o + i], fe[o + i]);
                if (Double.isNaN(num[i])) {
                    bad(lineNo, i, Reason.NOT_A_NUMBER, from, to);
                    return;
                }
                String implausible = rules[i] == null ? null : rules[i].problem(num[i]);
                if (implausible != null) {
                    bad(lineNo, i, Reason.OUT_OF_RANGE, from, to, implausible);
                    return;
                }
            } else if (tb[i] != null) {
                double sec = fd[o + i] >= 0 ? fd[o + i] : Cells.parseNumber(b, fs[o + i], fe[o + i]);
                if (Double.isNaN(sec)) {
                    bad(lineNo, i, Reason.BAD_TIMESTAMP, from, to);
                    return;
                }
                try {
                    time[i] = Timestamps.fromSeconds(sec); // checked as seconds: 1e18 seconds would overflow as milliseconds
                } catch (IllegalArgumentException e) {
                    bad(lineNo, i, Reason.OUT_OF_RANGE, from, to, Timestamps.RANGE);
                    return;
                }
            } else if ((i == iSrc || i == iDst) && addressClass(i) == 3) {
                bad(lineNo, i, Reason.BAD_IP, from, to);
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            boolean missing = dashAt[i];
            if (nb[i] != null) {
                if (missing) nb[i].addMissing(); else nb[i].add(num[i]);
            } else if (tb[i] != null) {
                if (missing) tb[i].addMissing(); else tb[i].add(time[i]);
            } else if (isAddress[i]) {
                xb[i].addCode(addressCode(i));
            } else {
                int code = add(xb[i], i);
                if (i == iProtocol) protocolCode = code;
            }
        }
        orient();
        lr.row(lineNo);
    }

    private void orient() {
        int src = pick(iPktSrc, iSrc), dst = pick(iPktDst, iDst);
        String stated = iDirection < 0 ? null : is(iDirection, "ingress") ? "ingress" : is(iDirection, "egress") ? "egress" : null;
        FlowOrientation o = FlowOrientation.of(stated, side(src), side(dst));
        int r = o.ingress() ? src : dst, l = o.ingress() ? dst : src;
        derived.add(o, r < 0 ? -1 : addressCode(r), l < 0 ? -1 : addressCode(l), iBytes < 0 ? Double.NaN : num[iBytes],
                iSrcPort < 0 ? Double.NaN : num[iSrcPort], iDstPort < 0 ? Double.NaN : num[iDstPort], iProtocol < 0 ? -1 : protocolCode, own);
    }

    private FlowOrientation.Side side(int field) {
        int c = addressClass(field);
        return c == 1 ? FlowOrientation.Side.INSIDE : c == 2 ? FlowOrientation.Side.OUTSIDE : FlowOrientation.Side.NONE;
    }


    /** The preferred field when it has a value, else the fallback; -1 when neither exists. */
    private int pick(int preferred, int fallback) {
        return preferred >= 0 && !dashAt[preferred] ? preferred : fallback;
    }

    /** 1 when field {@code i} is an address inside a VPC (private or shared), 2 another address, 3 not an address, 0 none (-1 or "-"). */
    private int addressClass(int i) {
        if (i < 0 || dash(i)) return 0;
        int code = addressCode(i);
        if (code >= insideByCode.length) insideByCode = Arrays.copyOf(insideByCode, Math.max(code + 1, insideByCode.length * 2));
        if (insideByCode[code] == 0) { // not classified yet: once per distinct value
            var a = AddressClass.parse(addresses.value(code));
            String special = a == null ? null : AddressClass.special(a);
            insideByCode[code] = (byte) (a == null ? 3 : AddressClass.PRIVATE.equals(special) || AddressClass.SHARED.equals(special) ? 1 : 2);
        }
        return insideByCode[code];
    }

    /**
     * The code of address field {@code i} of this record in the shared address dictionary, looked up
     * once per record: pkt-srcaddr is usually srcaddr again, and src_ip/dst_ip repeat one of them.
     */
    private int addressCode(int i) {
        if (codeOf[i] >= 0) return codeOf[i];
        int len = fe[o + i] - fs[o + i];
        for (int j : addressFields) {
            if (j != i && codeOf[j] >= 0 && fh[o + j] == fh[o + i] && fe[o + j] - fs[o + j] == len && Arrays.equals(b, fs[o + i], fe[o + i], b, fs[o + j], fe[o + j])) {
                return codeOf[i] = codeOf[j]; // the hash first: two addresses of one length usually differ
            }
        }
        if (ascii) return codeOf[i] = addresses.internAddress(b, fs[o + i], fe[o + i]);
        String v = text(fs[o + i], fe[o + i]);
        return codeOf[i] = addresses.intern(v, 0, v.length());
    }

    private int add(TextColumn.Builder to, int i) {
        if (i < 0) return to.add("");
        if (ascii) return to.add(b, fs[o + i], fe[o + i], fh[o + i]);
        return to.add(text(fs[o + i], fe[o + i]));
    }

    private boolean dash(int i) {
        return fe[o + i] - fs[o + i] == 1 && b[fs[o + i]] == '-';
    }

    private boolean is(int i, String word) {
        int len = fe[o + i] - fs[o + i];
        if (len != word.length()) return false;
        for (int k = 0; k < len; k++) if (b[fs[o + i] + k] != word.charAt(k)) return false;
        return true;
    }

    private String text(int from, int to) {
        return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private void bad(long lineNo, int i, Reason reason, int from, int to) {
        String f = fields[i];
        skip(lineNo, f, reason, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(text(fs[o + i], fe[o + i])) + "\"", text(from, to));
    }

    private void bad(long lineNo, int i, Reason reason, int from, int to, String why) {
        String f = fields[i];
        skip(lineNo, f, reason, "field " + (i + 1) + " '" + f + "' = \"" + ImportIssue.snippet(text(fs[o + i], fe[o + i])) + "\" is " + why, text(from, to));
    }

    /** The current line's fields (bounds, hashes, digit values), split here or ahead on another thread; returns their count. */
    private int split(int from, int to) {
        SplitAhead.Fields f;
        int n;
        if (lines instanceof SplitAhead ahead) {
            f = ahead.fields();
            o = ahead.firstField();
            n = ahead.fieldCount();
        } else {
            f = fields64;
            o = 0;
            n = fields64.split(b, from, to, 0);
        }
        fs = f.start;
        fe = f.end;
        fh = f.hash;
        fd = f.digits;
        return n;
    }

    private void useFields(String[] names, String how) {
        if (fields != null && !Arrays.equals(fields, names) && lr.rows > 0) {
            throw new ImportException(lr.file + ":" + lines.lineNumber() + ": the field list changes mid-file (" + fields.length + " → " + names.length
                    + " fields); open the files of each flow-log format separately");
        }
        // a second, different header before any record: the first one's columns would stay empty, so start again
        if (fields != null && !Arrays.equals(fields, names)) {
            own = new FlowColumns(addresses);
            derived.protocolsRenumbered();
        }
        fields = names;
        variant = "VPC flow [" + how + ", " + names.length + " fields]";
        List<String> list = Arrays.asList(names);
        iStatus = list.indexOf("log-status");
        iSrc = list.indexOf("srcaddr");
        iDst = list.indexOf("dstaddr");
        iPktSrc = list.indexOf("pkt-srcaddr");
        iPktDst = list.indexOf("pkt-dstaddr");
        iDirection = list.indexOf("flow-direction");
        iBytes = list.indexOf("bytes");
        iSrcPort = list.indexOf("srcport");
        iDstPort = list.indexOf("dstport");
        iProtocol = list.indexOf("protocol");
        own.addFields(names);
        num = new double[names.length];
        dashAt = new boolean[names.length];
        codeOf = new int[names.length];
        isAddress = new boolean[names.length];
        List<Integer> addressList = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            isAddress[i] = FlowFields.ADDRESSES.contains(names[i]);
            if (isAddress[i]) addressList.add(i);
        }
        addressFields = addressList.stream().mapToInt(Integer::intValue).toArray();
        time = new long[names.length];
        rules = new Plausible.Rule[names.length];
        for (int i = 0; i < names.length; i++) rules[i] = Plausible.ruleFor(names[i]);
        nb = own.numbers(names);
        tb = own.times(names);
        xb = own.texts(names);
    }

    private void skip(long line, String column, Reason reason, String detail, String raw) {
        lr.skip(line, variant == null ? "VPC flow" : variant, column, reason, detail, raw);
    }

    private long trailing, firstTrailing;

    ImportResult finish() {
        if (fields == null) throw new ImportException(lr.nothingRead());
        if (trailing > 0) {
            lr.warnings.add(String.format("%,d record(s) had one field more than the %d the header names (first at line %d); the extra last field was "
                    + "ignored", trailing, fields.length, firstTrailing));
        }
        if (lr.read == 0) throw new ImportException(lr.file + ": has a header but no flow records");
        if (noData + skipData > 0) {
            lr.warnings.add(String.format("%,d NODATA and %,d SKIPDATA records (no traffic) counted, not imported%s", noData, skipData,
                    skipData > 0 ? "; SKIPDATA means flow records were lost in those windows" : ""));
        }
        if (headersReapplied > 0) lr.warnings.add(headersReapplied + " header line(s) found mid-file (concatenated files) and applied");
        if (lr.rows == 0) throw new ImportException(lr.file + ": no traffic records could be imported (" + lr.skipped + " skipped, " + (noData + skipData)
                + " NODATA/SKIPDATA)" + (lr.issues.isEmpty() ? "" : "; first problem: " + lr.issues.get(0)));
        TableAssembler a = derived.into(new TableAssembler());
        List<String> extra = own.into(a);
        return lr.result(a, extra, variant);
    }
}
