package dev.tokenkeeper.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The identity service could not be reached or answered with a server error (timeouts, connection
 * reset, 5xx, 429). Retried with exponential backoff; a still-valid token keeps being used meanwhile.
 */
public class IdentityServiceUnavailableException extends TokenKeeperException {

    private final Duration retryAfter;

    public IdentityServiceUnavailableException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * @param retryAfter how long the service asked us to wait ({@code Retry-After}), or {@code null}
     */
    public IdentityServiceUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait the service asked for with {@code Retry-After}, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
