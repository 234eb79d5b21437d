package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.TokenKeeperException;

/**
 * Performs one complete login (all of its steps) and returns the token it produced.
 *
 * <p>Called by the token source on its own login thread, never concurrently with itself, so an
 * implementation may block. The default implementation, {@code ProtocolLoginClient}, speaks the
 * password + optional TOTP protocol; any other JWT-issuing endpoint can be plugged in here.
 */
@FunctionalInterface
public interface LoginClient extends AutoCloseable {

    /**
     * Logs in once.
     *
     * @throws TokenKeeperException a typed error; {@link TokenKeeperException#isRetryable()} tells the
     *                              token source whether to back off and retry or to cool down
     */
    AccessToken login();

    /** Releases resources (such as the login HTTP client). The default does nothing. */
    @Override
    default void close() {
    }
}
