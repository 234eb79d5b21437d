package dev.tokenkeeper.samples.cli;

/** The exit codes of {@code call} and {@code load}, the same for both. */
public final class ExitCodes {

    /** {@code call}: the response was 2xx. {@code load}: every response was 2xx. The demo: everything shown happened. */
    public static final int OK = 0;
    /** {@code call}: the response was not 2xx. {@code load}: at least one request failed or was not 2xx. The demo: a check failed. */
    public static final int NOT_OK = 1;
    /** A tokenkeeper error, an I/O error, bad arguments, a missing file or a bad configuration key. */
    public static final int ERROR = 2;

    private ExitCodes() {
    }
}
