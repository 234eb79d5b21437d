package dev.tokenkeeper.reliability.support;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.TokenSourceStats;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * A token source that remembers what it handed out: when each token was first handed out, when it was
 * invalidated (a server answered 401 to it), and how often a token was handed out at or after its own
 * expiry. The soak's oracle: a request may fail for want of a token only if no token was valid for the
 * whole time it ran.
 *
 * <p>{@link AccessToken} compares by identity, so the maps hold exactly the instances the keeper saw.
 */
public final class ObservedTokenSource implements TokenSource {

    private final TokenSource delegate;
    private final Clock clock;
    private final Map<AccessToken, Long> firstHandedOut = new ConcurrentHashMap<>();
    private final Map<AccessToken, Long> invalidated = new ConcurrentHashMap<>();
    private final LongAdder handedOutExpired = new LongAdder();
    private final List<Long> revocations = new CopyOnWriteArrayList<>();

    public ObservedTokenSource(TokenSource delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public AccessToken current() {
        return handedOut(delegate.current());
    }

    @Override
    public CompletableFuture<AccessToken> currentAsync() {
        CompletableFuture<AccessToken> pending = delegate.currentAsync();
        return pending.thenApply(this::handedOut);
    }

    @Override
    public void invalidate(AccessToken rejected) {
        if (rejected != null) {
            invalidated.putIfAbsent(rejected, clock.millis());
        }
        delegate.invalidate(rejected);
    }

    @Override
    public TokenSourceStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private AccessToken handedOut(AccessToken token) {
        long now = clock.millis();
        firstHandedOut.putIfAbsent(token, now);
        if (now >= token.expiresAt().toEpochMilli()) {
            handedOutExpired.increment();
        }
        return token;
    }

    /**
     * Records that the server revoked every token it had issued, just now. A token whose login was sent
     * before this moment counts as revoked from now on (a token issued while the revocation ran is
     * counted revoked too: the oracle errs on the lenient side only within one login's duration).
     */
    public void serverRevokedAll() {
        revocations.add(clock.millis());
    }

    /**
     * A token that had been handed out before {@code startMillis}, was valid until after {@code endMillis}
     * (not expired, not invalidated after a 401, not revoked by the server): if one exists, a request
     * that ran from start to end should have got a token.
     */
    public Optional<AccessToken> validThroughout(long startMillis, long endMillis) {
        for (Map.Entry<AccessToken, Long> e : firstHandedOut.entrySet()) {
            AccessToken token = e.getKey();
            Long dropped = invalidated.get(token);
            if (e.getValue() < startMillis && token.expiresAt().toEpochMilli() > endMillis
                    && (dropped == null || dropped > endMillis) && !revokedBy(token, endMillis)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    private boolean revokedBy(AccessToken token, long endMillis) {
        long loginSent = token.receivedAt().toEpochMilli();
        return revocations.stream().anyMatch(at -> at > loginSent && at <= endMillis);
    }

    /** Tokens handed out at or after the expiry the client itself had computed for them: must stay 0. */
    public long handedOutExpired() {
        return handedOutExpired.sum();
    }

    /** Distinct tokens handed out. */
    public int tokensHandedOut() {
        return firstHandedOut.size();
    }

    @Override
    public String toString() {
        return "ObservedTokenSource[" + delegate + "]";
    }
}
