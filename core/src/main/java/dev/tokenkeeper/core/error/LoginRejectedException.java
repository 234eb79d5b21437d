package dev.tokenkeeper.core.error;

/**
 * The identity service understood the login and refused it. Trying again with the same input will
 * fail the same way, so the token source remembers this error for the credentials cool-down instead of
 * retrying.
 */
public class LoginRejectedException extends TokenKeeperException {

    private final int status;

    /**
     * @param status the HTTP status of the refusal, or 0 when the refusal was not an HTTP answer
     */
    public LoginRejectedException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the identity service answered with, or 0 when none applies. */
    public int status() {
        return status;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
