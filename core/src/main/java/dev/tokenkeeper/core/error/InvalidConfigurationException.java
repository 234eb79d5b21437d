package dev.tokenkeeper.core.error;

/**
 * A configuration value is missing or invalid. The message names the key, what is wrong with the
 * value (never the value itself when it may be a secret) and the accepted forms.
 */
public class InvalidConfigurationException extends TokenKeeperException {

    private final String key;

    public InvalidConfigurationException(String key, String message) {
        super(message);
        this.key = key;
    }

    public InvalidConfigurationException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The configuration key at fault, such as {@code tokenkeeper.login.url}. */
    public String key() {
        return key;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
