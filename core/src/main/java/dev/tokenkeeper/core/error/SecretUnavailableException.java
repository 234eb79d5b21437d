package dev.tokenkeeper.core.error;

/**
 * A secret could not be read from where the configuration says it is: the environment variable or
 * system property is not set, or the file cannot be read. The message names the source, never a value.
 */
public class SecretUnavailableException extends TokenKeeperException {

    public SecretUnavailableException(String message) {
        super(message);
    }

    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
