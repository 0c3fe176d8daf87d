// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

/** A mistake in the command line itself; the message says which option and what it needs. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
