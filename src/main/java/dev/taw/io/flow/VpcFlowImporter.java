// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import dev.taw.io.FileNames;
import dev.taw.io.ImportException;
import dev.taw.io.ImportResult;
import dev.taw.io.read.InputFiles;
import dev.taw.io.read.LineReader;
import dev.taw.io.read.LineRecords;
import dev.taw.io.read.LineView;
import dev.taw.io.read.SplitAhead;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Amazon VPC Flow Logs (text): the default v2 format and custom formats in any field order, named by the
 * header line S3 files start with (unknown field names are kept), or headerless default-format lines
 * (CloudWatch copies). NODATA and SKIPDATA records are counted, never imported as traffic.
 *
 * <p>A record counts bytes in one direction only, so each is <em>oriented</em>: {@code flow-direction} when
 * present, else the side inside the VPC (a private address) is local. The remote side becomes
 * {@code src_ip}, the local side {@code dst_ip}, the lower port the service port; {@code bytes} goes to
 * {@code bytes_in} for ingress and {@code bytes_out} for egress — never read as bytes in. The record's own
 * fields follow, then {@code source_file} and {@code source_line} so every row leads back to its line.
 */
public final class VpcFlowImporter {
    /** True for a header line: at least 80 % known field names, among them one that only flow logs have. */
    public static boolean isHeader(String line) { return FlowFields.isHeader(line); }

    /** True for a default-format record without a header: 14 fields, version 2, an ENI, a log status. */
    public static boolean isHeaderlessV2(String line) { return FlowFields.isHeaderlessV2(line); }

    public ImportResult read(Path path, ProgressListener progress, CancelToken cancel) {
        InputFiles.Opened opened = InputFiles.open(path);
        String file = FileNames.of(path);
        LineReader reader = new LineReader(opened.stream(), LineReader.MAX_LINE_BYTES);
        // a big file is split into fields on a second thread while this one looks values up
        try (LineView lines = opened.sizeOnDisk() > SPLIT_AHEAD_FROM ? new SplitAhead(reader, file) : reader) {
            FlowRecordParser run = new FlowRecordParser(new LineRecords(file), lines);
            run.lr.readAll(opened, lines, progress, cancel, (LineRecords.ByteLineSink) run::accept);
            return run.finish();
        } catch (IOException e) {
            throw new ImportException(file + ": read failed (" + e.getMessage() + ")", e);
        }
    }

    /** Size on disk from which lines are split into fields on a thread of their own. */
    static final long SPLIT_AHEAD_FROM = 4L << 20;
}
