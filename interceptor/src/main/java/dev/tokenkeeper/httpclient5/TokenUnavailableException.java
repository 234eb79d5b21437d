package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.error.TokenKeeperException;
import java.io.IOException;

/**
 * A request was not sent because no access token could be had: the login was refused, the identity
 * service is unavailable, or the token source is closed.
 *
 * <p>An {@link IOException}, so code written against HttpClient's checked exceptions handles it
 * without change; the async client completes its future exceptionally with it. The cause is always
 * the core's typed {@link TokenKeeperException} ({@code CredentialsRejectedException},
 * {@code IdentityServiceUnavailableException}, …), which says what happened and what to do.
 */
public class TokenUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param target where the request was going, for the message (no path, no query)
     * @param cause  the core's error
     */
    public TokenUnavailableException(String target, TokenKeeperException cause) {
        super("Request to " + target + " not sent: no access token could be obtained. "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    /** The core's error: why no token could be had and what to do about it. */
    @Override
    public synchronized TokenKeeperException getCause() {
        return (TokenKeeperException) super.getCause();
    }
}
