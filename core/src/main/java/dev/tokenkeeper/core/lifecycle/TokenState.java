package dev.tokenkeeper.core.lifecycle;

import dev.tokenkeeper.core.AccessToken;

/**
 * A token and the three moments that decide what callers get, in epoch milliseconds of the local clock,
 * computed once when the token arrives so the hot path is a single comparison.
 *
 * <pre>
 * received ──── fresh ────┬── refresh due ──┬── must block ──┬── expired
 *                     refreshAt          blockAt         expiresAt
 * </pre>
 */
final class TokenState {

    /** The random spread takes at most this share off the refresh lead, so many clients do not refresh in step. */
    private static final double MAX_SPREAD = 0.10;

    final AccessToken token;
    final long refreshAtMillis;
    final long blockAtMillis;
    final long expiresAtMillis;

    private TokenState(AccessToken token, long refreshAtMillis, long blockAtMillis, long expiresAtMillis) {
        this.token = token;
        this.refreshAtMillis = refreshAtMillis;
        this.blockAtMillis = blockAtMillis;
        this.expiresAtMillis = expiresAtMillis;
    }

    /**
     * Plans a token's life.
     *
     * @param spread a random number in [0, 1) that takes up to 10 % off the refresh lead
     */
    static TokenState plan(AccessToken token, RefreshPolicy policy, double spread) {
        long received = token.receivedAt().toEpochMilli();
        long expires = token.expiresAt().toEpochMilli();
        long lifetime = expires - received;
        // Clamps keep short-lived tokens useful: refreshing at most half-way through avoids a login per
        // request, and blocking only in the last quarter lets a 3 s token serve requests.
        long blockLead = Math.min(policy.expiryMargin().toMillis(), lifetime / 4);
        long refreshLead = Math.min(policy.refreshBeforeExpiry().toMillis(), lifetime / 2);
        refreshLead -= (long) (refreshLead * MAX_SPREAD * spread);
        refreshLead = Math.max(refreshLead, blockLead);
        return new TokenState(token, expires - refreshLead, expires - blockLead, expires);
    }

    boolean isFresh(long nowMillis) {
        return nowMillis < refreshAtMillis;
    }

    boolean isUsableWithoutWaiting(long nowMillis) {
        return nowMillis < blockAtMillis;
    }

    boolean isValid(long nowMillis) {
        return nowMillis < expiresAtMillis;
    }
}
