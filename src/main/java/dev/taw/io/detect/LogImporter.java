// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.detect;

import dev.taw.io.FileNames;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.csv.CsvImporter;
import dev.taw.io.flow.VpcFlowImporter;
import dev.taw.io.read.InputFiles;
import dev.taw.io.read.LineReader;
import dev.taw.io.web.AlbImporter;
import dev.taw.io.web.CloudFrontImporter;
import dev.taw.io.web.WafImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a traffic log of any supported format, or a folder of them: detects each file's format from its
 * content (never the file name) or takes the analyst's {@link LogFormat}, and hands it to that importer.
 */
public final class LogImporter {

    /** A file, or every log file under a folder. */
    public ImportResult read(Path path, LogFormat format, ProgressListener progress, CancelToken cancel) {
        if (Files.isDirectory(path)) return new FolderImporter(this).read(path, format, progress, cancel);
        return readFile(path, format, progress, cancel);
    }

    ImportResult readFile(Path path, LogFormat format, ProgressListener progress, CancelToken cancel) {
        LogFormat f = format == LogFormat.AUTO ? detect(path) : format;
        if (format == LogFormat.AUTO && f == LogFormat.CSV) {
            try {
                return new CsvImporter().read(path, progress, cancel);
            } catch (ImportException e) {
                if (!e.getMessage().contains("required column")) {
                    // a shipper's JSON envelope fails as a CSV with a quote in its header: name what it is instead
                    String known = unsupportedKind(firstLine(path));
                    if (known != null && known.startsWith("log lines wrapped")) throw new ImportException(FileNames.of(path) + ": " + known);
                    throw e;
                }
                // not a CSV export either: say what the file looks like and what was tried
                String line = firstLine(path), first = ImportIssue.snippet(line);
                String known = unsupportedKind(line);
                if (known != null) {
                    throw new ImportException(FileNames.of(path) + ": " + known + "; the workbench reads VPC flow logs, ALB access logs, WAF logs,"
                            + " CloudFront standard logs and CSV exports (first line \"" + first + "\")");
                }
                throw new ImportException(path.getFileName() + ": not a recognised traffic log — first line \"" + first
                        + "\"; tried VPC flow log, ALB access log, WAF log, CloudFront log and CSV export (" + e.getMessage().replaceFirst("^[^:]*:\\d+: ", "") + ")");
            }
        }
        return switch (f) {
            case VPC -> new VpcFlowImporter().read(path, progress, cancel);
            case ALB -> new AlbImporter().read(path, progress, cancel);
            case WAF -> new WafImporter().read(path, progress, cancel);
            case CLOUDFRONT -> new CloudFrontImporter().read(path, progress, cancel);
            default -> new CsvImporter().read(path, progress, cancel);
        };
    }

    private static final java.util.regex.Pattern NLB = java.util.regex.Pattern.compile("^tls \\d+\\.\\d+ \\d{4}-\\d\\d-\\d\\dT.*");
    private static final java.util.regex.Pattern CLASSIC_ELB =
            java.util.regex.Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z \\S+ [0-9a-fA-F.:\\[\\]]+:\\d+ .*");

    /** The AWS logs we recognise but do not read, named (with whether that may change) so the analyst knows what they gave us; else null. */
    static String unsupportedKind(String firstLine) {
        String l = firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
        if (NLB.matcher(l).matches()) return "a Network Load Balancer (TLS listener) access log — not supported";
        if (CLASSIC_ELB.matcher(l).matches()) return "a Classic Load Balancer access log — not supported";
        if (WRAPPED.matcher(l).find()) {
            return "log lines wrapped in JSON by a log shipper (each record inside {\"message\": …}) — unwrap them first, for example"
                    + " with jq -r .message FILE > plain.log, and open the result";
        }
        String[] t = l.strip().split(" +");
        long addresses = java.util.Arrays.stream(t).filter(x -> IPV4.matcher(x).matches()).count();
        if (addresses >= 2 && java.util.Arrays.stream(t).anyMatch(x -> x.startsWith("tgw-"))) {
            return "a Transit Gateway flow log without its header line (" + t.length + " fields) — open it with its header line (the field"
                    + " names, as S3 delivery writes them first), which says where each field is";
        }
        if (addresses >= 2 && java.util.Arrays.stream(t).anyMatch(x -> x.startsWith("eni-")) && !VpcFlowImporter.isHeaderlessV2(l)) {
            return "VPC flow records in a custom format without their header line (" + t.length + " fields, not in the default format's order)"
                    + " — put the format's header line (its field names, e.g. \"version account-id interface-id srcaddr dstaddr …\") at the top,"
                    + " as S3 delivery writes it";
        }
        return null;
    }

    /** A shipper's JSON envelope: an object whose message field holds the original line. */
    private static final java.util.regex.Pattern WRAPPED = java.util.regex.Pattern.compile("^\\s*\\{.*\"(message|log|@message)\"\\s*:\\s*\"");
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static String firstLine(Path path) {
        InputFiles.Opened opened = InputFiles.peek(path);
        try (InputStream in = opened.stream(); LineReader lines = new LineReader(in, LineReader.MAX_LINE_BYTES)) {
            String l = lines.next();
            return l == null || l == LineReader.TOO_LONG ? "" : l;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * From the first non-blank line: a flow-log header or a default-format record means VPC, a listener type
     * and an ISO time mean ALB; anything else is CSV (whose importer says what is wrong with it).
     */
    public static LogFormat detect(Path path) {
        InputFiles.Opened opened = InputFiles.peek(path);
        try (InputStream in = opened.stream(); LineReader lines = new LineReader(in, LineReader.MAX_LINE_BYTES)) {
            String line;
            while ((line = lines.next()) != null && line != LineReader.TOO_LONG && line.isBlank()) {
                // skip leading blank lines
            }
            if (line == null || line == LineReader.TOO_LONG) return LogFormat.CSV; // the CSV importer says what is wrong
            String first = line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (VpcFlowImporter.isHeader(first) || VpcFlowImporter.isHeaderlessV2(first)) return LogFormat.VPC;
            if (WafImporter.looksLikeWaf(first)) return LogFormat.WAF;
            if (first.strip().startsWith("{") || first.strip().startsWith("[")) { // pretty-printed JSON, or an array: look further
                StringBuilder head = new StringBuilder(first);
                for (int k = 0; k < 200 && (line = lines.next()) != null && line != LineReader.TOO_LONG; k++) head.append(' ').append(line.strip());
                if (WafImporter.looksLikeWaf(head.toString().replaceFirst("^\\[\\s*", ""))) return LogFormat.WAF;
            }
            if (CloudFrontImporter.looksLikeCloudFront(first)) return LogFormat.CLOUDFRONT;
            return AlbImporter.looksLikeAlb(first) ? LogFormat.ALB : LogFormat.CSV;
        } catch (IOException e) {
            return LogFormat.CSV;
        }
    }
}
