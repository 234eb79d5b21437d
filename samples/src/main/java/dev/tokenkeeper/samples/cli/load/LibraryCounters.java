package dev.tokenkeeper.samples.cli.load;

/**
 * The library's counters the load report shows, read when the run has finished.
 *
 * @param logins    every login the token source performed (first, proactive, after a 401, retries)
 * @param refreshes logins started proactively before the token's expiry
 * @param replays   requests the interceptor sent once more with a new token after a 401
 */
record LibraryCounters(long logins, long refreshes, long replays) {
}
