package io.github.cxmetrics.cli;

/** Bad command-line usage: exit code 2, one line on stderr. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
