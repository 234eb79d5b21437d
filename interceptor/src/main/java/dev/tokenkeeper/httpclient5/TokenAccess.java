package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.hc.core5.http.HttpHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the classic handler, the async handler and the wrapping client share: the token source, the
 * hop policy, the header cache and the counters. Turns the core's errors into
 * {@link TokenUnavailableException}.
 */
final class TokenAccess {

    private static final Logger LOG = LoggerFactory.getLogger(TokenAccess.class);

    private final TokenSource tokens;
    private final HopPolicy policy;
    private final KeeperCounters counters = new KeeperCounters();
    private final BearerHeader.Cache headers = new BearerHeader.Cache();

    TokenAccess(TokenSource tokens, TargetScope scope) {
        this.tokens = tokens;
        this.policy = new HopPolicy(scope);
    }

    HopPolicy policy() {
        return policy;
    }

    KeeperCounters counters() {
        return counters;
    }

    TokenSource tokens() {
        return tokens;
    }

    /** The header for the current token, waiting for a login if there is no usable token. */
    BearerHeader currentHeader(HttpHost target) throws TokenUnavailableException {
        try {
            return headers.headerFor(tokens.current());
        } catch (TokenKeeperException e) {
            throw unavailable(target, e);
        }
    }

    /** The header for {@code token}; one instance per token. */
    BearerHeader headerFor(AccessToken token) {
        return headers.headerFor(token);
    }

    /** The token source's future, or a failed one if the source throws instead of failing the future. */
    CompletableFuture<AccessToken> currentAsync() {
        try {
            return tokens.currentAsync();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A server answered 401 to a request that carried {@code sent}: drop it if it is still the current one. */
    void rejected(AccessToken sent, HttpHost target) {
        LOG.debug("{} answered 401 to token {}; invalidating it", target, sent.fingerprint());
        tokens.invalidate(sent);
    }

    void withheld(HttpHost target) {
        counters.withheld.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Not sending the access token to {}: outside {}, the login endpoint, or opted out", target, policy.scope());
        }
    }

    /** The exception for a request that could not get a token; {@code error} as the future or source raised it. */
    TokenUnavailableException unavailable(HttpHost target, Throwable error) {
        counters.tokenUnavailable.increment();
        return new TokenUnavailableException(String.valueOf(target), typed(error));
    }

    private static TokenKeeperException typed(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TokenKeeperException typed) {
            return typed;
        }
        // A token source outside the core that failed some other way; keep the promise of a typed cause.
        return new IdentityServiceUnavailableException("The token source failed unexpectedly ("
                + cause.getClass().getSimpleName() + "); check the token source and the identity service", cause);
    }
}
