package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.TokenSourceStats;

/**
 * Counters of a {@link TokenKeeper}, read at one moment.
 *
 * @param replays           requests sent once more with a new token after a 401
 * @param notReplayed       401s for our token handed to the caller because the request body could
 *                          not be sent again (the next request gets the new token)
 * @param withheld          hops that went without the token because their target was out of scope,
 *                          the login endpoint, or opted out
 * @param tokenUnavailable  requests that failed with {@link TokenUnavailableException}
 * @param tokenSource       the token source's own counters (logins, refreshes, waits, …)
 */
public record TokenKeeperStats(
        long replays, long notReplayed, long withheld, long tokenUnavailable, TokenSourceStats tokenSource) {
}
