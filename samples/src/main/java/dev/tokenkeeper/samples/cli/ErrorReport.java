package dev.tokenkeeper.samples.cli;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import dev.tokenkeeper.httpclient5.TokenUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what went wrong into the one line the command line prints on stderr. The library's typed
 * errors already say what happened and what to do; this only adds which kind of error it is and keeps
 * it on one line. A stack trace follows only with {@code --verbose}.
 */
public final class ErrorReport {

    private ErrorReport() {
    }

    /** One line, starting with {@code error:}, that names the kind of error and carries its message. */
    public static String oneLine(Throwable error) {
        Throwable e = unwrap(error);
        String text;
        if (e instanceof UsageException) {
            text = e.getMessage();
        } else if (e instanceof InvalidConfigurationException) {
            text = "configuration: " + e.getMessage();
        } else if (e instanceof TokenKeeperException) {
            // Thrown by the library outside a request (for example while closing).
            text = e.getClass().getSimpleName() + ": " + e.getMessage();
        } else if (e instanceof IOException) {
            // TokenUnavailableException's message already names the core error that caused it.
            text = e.getClass().getSimpleName() + ": " + messageOf(e);
        } else {
            text = "unexpected " + e.getClass().getName() + ": " + messageOf(e) + " (run with --verbose for the stack trace)";
        }
        return "error: " + text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Prints {@link #oneLine}, and with {@code verbose} the stack trace after it. */
    public static void print(Throwable error, boolean verbose, PrintWriter err) {
        err.println(oneLine(error));
        if (verbose) {
            unwrap(error).printStackTrace(err);
        }
        err.flush();
    }

    /**
     * The name under which {@code load} counts a failed request: for a request that could not get a
     * token, the core error that says why ({@code CredentialsRejectedException},
     * {@code IdentityServiceUnavailableException}, …); otherwise the exception's own simple name
     * ({@code ConnectException}, {@code SocketTimeoutException}, …).
     */
    public static String errorName(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof TokenUnavailableException missingToken) {
            return missingToken.getCause().getClass().getSimpleName();
        }
        return e.getClass().getSimpleName();
    }

    /** Strips the wrappers futures and executors put around the error that matters. */
    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "(no message)" : message;
    }
}
