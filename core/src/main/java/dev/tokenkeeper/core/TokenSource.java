package dev.tokenkeeper.core;

import dev.tokenkeeper.core.error.TokenKeeperException;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps a valid access token at hand for any number of threads.
 *
 * <p>The contract every implementation keeps:
 * <ul>
 *   <li>While the cached token is fresh, {@link #current()} is a volatile read and a time comparison:
 *       no lock, no allocation.</li>
 *   <li>When the token nears its expiry, one background login replaces it; callers keep receiving the
 *       still-valid token meanwhile and never wait for it.</li>
 *   <li>Only when no usable token exists do callers wait, and then N waiting callers share exactly one
 *       login.</li>
 *   <li>A failed login is remembered: refused credentials for a cool-down (to protect the account
 *       from lockout), an unavailable identity service with exponential backoff.</li>
 * </ul>
 */
public interface TokenSource extends AutoCloseable {

    /**
     * Returns a token that is valid now, waiting (bounded by the configured timeouts) for a login when
     * none is.
     *
     * @throws TokenKeeperException a typed error when no token can be had; see its subclasses
     */
    AccessToken current();

    /**
     * Like {@link #current()}, but never blocks the calling thread: the future completes when a token
     * is available, or exceptionally with a {@link TokenKeeperException}. Safe to call from an I/O
     * reactor thread.
     */
    CompletableFuture<AccessToken> currentAsync();

    /**
     * Reports that a server rejected {@code rejected} (for example with a 401). If it is still the
     * current token, it is dropped and a new login starts; if it has already been replaced, nothing
     * happens. So N requests rejected for the same token cause one login.
     */
    void invalidate(AccessToken rejected);

    /** A snapshot of this source's counters. */
    TokenSourceStats stats();

    /** Stops background work and releases the login HTTP client. Later calls fail with a typed error. */
    @Override
    void close();
}
