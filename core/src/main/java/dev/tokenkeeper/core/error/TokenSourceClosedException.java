package dev.tokenkeeper.core.error;

/** The token source was closed; create a new one (and a new client) to make further requests. */
public class TokenSourceClosedException extends TokenKeeperException {

    public TokenSourceClosedException(String message) {
        super(message);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
