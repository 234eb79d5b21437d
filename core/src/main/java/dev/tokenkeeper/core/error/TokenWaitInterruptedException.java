package dev.tokenkeeper.core.error;

/**
 * The calling thread was interrupted while it waited for a login. The thread's interrupt flag is set
 * again before this is thrown; the login itself goes on for other callers.
 */
public class TokenWaitInterruptedException extends TokenKeeperException {

    public TokenWaitInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
