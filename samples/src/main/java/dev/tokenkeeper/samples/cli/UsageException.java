package dev.tokenkeeper.samples.cli;

/**
 * Something the user has to fix in the command line or the files it names: a bad argument, a missing
 * file. The message is one line that says what is wrong and what to do; the command exits with 2.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
