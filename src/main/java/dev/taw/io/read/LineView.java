// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;


import java.io.IOException;

/** A cursor over the physical lines of a log, read as bytes: {@link LineReader}, or {@link SplitAhead} on another thread. */
public interface LineView extends AutoCloseable {
    /** Moves to the next line; false at end of input. */
    boolean advance() throws IOException;

    /** Line number of the current line (1-based). */
    long lineNumber();

    /** The current line's bytes are {@code lineBytes()[lineStart(), lineEnd())}: read, do not keep. */
    byte[] lineBytes();

    int lineStart();

    int lineEnd();

    /** True when the current line is plain ASCII, so its bytes are its characters. */
    boolean lineAscii();

    /** True when the current line exceeded the length limit (its bytes were not kept). */
    boolean lineTooLong();

    /** The current line as text. */
    String lineText();

    @Override
    void close() throws IOException;
}
