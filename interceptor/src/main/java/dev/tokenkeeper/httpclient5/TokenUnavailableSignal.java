package dev.tokenkeeper.httpclient5;

import org.apache.hc.core5.http.HttpException;

/**
 * Carries a {@link TokenUnavailableException} up through HttpClient's exec chain without being
 * mistaken for an I/O failure.
 *
 * <p>The per-hop handlers sit below {@code RETRY}. Thrown (classic) or reported (async) as the
 * {@code IOException} it wraps, a missing token would look like a network error to the retry
 * strategy, which would send an idempotent request again after its retry interval, only to fail the
 * same way at once (the token source remembers the failure). As an {@link HttpException} it passes
 * {@code RETRY} and {@code REDIRECT} untouched, and the error handler at the top of the chain turns it
 * back into the {@link TokenUnavailableException} the caller sees.
 */
final class TokenUnavailableSignal extends HttpException {

    private static final long serialVersionUID = 1L;

    private final TokenUnavailableException exception;

    TokenUnavailableSignal(TokenUnavailableException exception) {
        super(exception.getMessage(), exception);
        this.exception = exception;
    }

    /** The exception the caller gets. */
    TokenUnavailableException exception() {
        return exception;
    }
}
