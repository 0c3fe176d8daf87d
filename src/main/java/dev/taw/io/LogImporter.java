// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.pipeline.CancelToken;
import dev.taw.pipeline.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a traffic log of any supported format, or a folder of them: detects each file's format from its
 * content (never the file name) or takes the analyst's {@link Format}, and hands it to that importer.
 */
public final class LogImporter {

    /** The formats the workbench reads; AUTO detects. */
    public enum Format {
        AUTO, CSV, VPC, ALB, WAF;

        /** @throws IllegalArgumentException naming the choices */
        public static Format parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + s + "'; use auto, csv, vpc, alb or waf");
            }
        }
    }

    /** A file, or every log file under a folder. */
    public ImportResult read(Path path, Format format, ProgressListener progress, CancelToken cancel) {
        if (Files.isDirectory(path)) return new FolderImporter(this).read(path, format, progress, cancel);
        return readFile(path, format, progress, cancel);
    }

    ImportResult readFile(Path path, Format format, ProgressListener progress, CancelToken cancel) {
        Format f = format == Format.AUTO ? detect(path) : format;
        if (format == Format.AUTO && f == Format.CSV) {
            try {
                return new CsvImporter().read(path, progress, cancel);
            } catch (ImportException e) {
                if (!e.getMessage().contains("required column")) throw e;
                // not a CSV export either: say what the file looks like and what was tried
                throw new ImportException(path.getFileName() + ": not a recognised traffic log — first line \"" + firstLine(path)
                        + "\"; tried VPC flow log, ALB access log, WAF log and CSV export (" + e.getMessage().replaceFirst("^[^:]*:\\d+: ", "") + ")");
            }
        }
        return switch (f) {
            case VPC -> new VpcFlowImporter().read(path, progress, cancel);
            case ALB -> new AlbImporter().read(path, progress, cancel);
            case WAF -> new WafImporter().read(path, progress, cancel);
            default -> new CsvImporter().read(path, progress, cancel);
        };
    }

    private static String firstLine(Path path) {
        InputFiles.Opened opened = InputFiles.open(path);
        try (InputStream in = opened.stream(); LineReader lines = new LineReader(in, CsvImporter.MAX_LINE_CHARS)) {
            String l = lines.next();
            return l == null || l == LineReader.TOO_LONG ? "" : ImportIssue.snippet(l);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * From the first non-blank line: a flow-log header or a default-format record means VPC, a listener type
     * and an ISO time mean ALB; anything else is CSV (whose importer says what is wrong with it).
     */
    static Format detect(Path path) {
        InputFiles.Opened opened = InputFiles.open(path);
        try (InputStream in = opened.stream(); LineReader lines = new LineReader(in, CsvImporter.MAX_LINE_CHARS)) {
            String line;
            while ((line = lines.next()) != null && line != LineReader.TOO_LONG && line.isBlank()) {
                // skip leading blank lines
            }
            if (line == null || line == LineReader.TOO_LONG) return Format.CSV; // the CSV importer says what is wrong
            String first = line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (VpcFlowImporter.isHeader(first) || VpcFlowImporter.isHeaderlessV2(first)) return Format.VPC;
            if (WafImporter.looksLikeWaf(first)) return Format.WAF;
            return AlbImporter.looksLikeAlb(first) ? Format.ALB : Format.CSV;
        } catch (IOException e) {
            return Format.CSV;
        }
    }
}
