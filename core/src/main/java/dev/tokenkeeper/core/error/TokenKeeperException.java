package dev.tokenkeeper.core.error;

/**
 * The root of every error tokenkeeper raises. Each message says what happened and what to do, and
 * never contains a password, TOTP secret, identity token or full JWT.
 *
 * <p>{@link #isRetryable()} drives the failure policy: retryable errors (the identity service is
 * unavailable or answered garbage) are retried with exponential backoff; the others (refused
 * credentials, bad configuration) are remembered for a cool-down and not retried in a loop, because
 * repeated bad logins lock accounts.
 */
public abstract class TokenKeeperException extends RuntimeException {

    protected TokenKeeperException(String message) {
        super(message);
    }

    protected TokenKeeperException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same login may succeed if simply tried again later. */
    public abstract boolean isRetryable();
}
