package dev.tokenkeeper.core.error;

/**
 * The identity service answered, but not with something usable: not JSON, no token, a body over the
 * size bound, a token that is not a readable JWT or that has already expired. Treated like an
 * unavailable service (backoff and retry), since it is usually a transient fault or a proxy's error
 * page.
 */
public class MalformedLoginResponseException extends TokenKeeperException {

    public MalformedLoginResponseException(String message) {
        super(message);
    }

    public MalformedLoginResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
