package dev.tokenkeeper.core;

/**
 * Counters of a {@link TokenSource}, read at one moment.
 *
 * @param logins        every login attempted (first, proactive, after invalidation, retries)
 * @param loginFailures logins that ended in an error
 * @param refreshes     logins started proactively, before the token's expiry, without anyone waiting
 * @param waits         calls to {@code current()}/{@code currentAsync()} that had to wait for a login
 * @param invalidations invalidations that dropped the current token (stale ones are not counted)
 * @param failFasts     calls answered at once with a remembered error (cool-down or backoff)
 */
public record TokenSourceStats(
        long logins, long loginFailures, long refreshes, long waits, long invalidations, long failFasts) {
}
