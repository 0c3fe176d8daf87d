// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

/** A file that cannot be imported at all; the message is one line an analyst can act on. */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
