package dev.tokenkeeper.core.lifecycle;

import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import java.time.Duration;

/**
 * The last failed login and when the next one may be tried.
 *
 * <p>Refused credentials wait the whole cool-down: repeated bad logins lock accounts, so at most one
 * login is tried per cool-down however many callers ask. An unavailable service waits an exponential
 * backoff with full jitter (a random wait between zero and {@code initial * 2^n}, capped), or the
 * service's {@code Retry-After} when that is longer.
 */
record FailureMemory(TokenKeeperException error, long nextAttemptAtMillis, int consecutiveFailures) {

    /** A {@code Retry-After} longer than this is taken as a misconfigured server, not obeyed literally. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    /**
     * Remembers {@code error}, which follows {@code previous} (or {@code null} after a success).
     *
     * @param random a number in [0, 1) for the jitter
     */
    static FailureMemory after(FailureMemory previous, TokenKeeperException error, RefreshPolicy policy,
                               long nowMillis, double random) {
        int failures = previous == null ? 1 : previous.consecutiveFailures + 1;
        long waitMillis;
        if (!error.isRetryable()) {
            waitMillis = policy.credentialsCooldown().toMillis();
        } else {
            waitMillis = (long) (random * backoffCeiling(policy, failures));
            if (error instanceof IdentityServiceUnavailableException unavailable) {
                // Capped as a Duration before converting: the server's number may not fit in long milliseconds.
                long asked = unavailable.retryAfter()
                        .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
                        .map(Duration::toMillis).orElse(0L);
                waitMillis = Math.max(waitMillis, asked);
            }
        }
        return new FailureMemory(error, nowMillis + waitMillis, failures);
    }

    /** {@code initial * 2^(failures-1)}, capped at the policy's maximum. */
    static long backoffCeiling(RefreshPolicy policy, int failures) {
        long initial = policy.initialBackoff().toMillis();
        long max = policy.maxBackoff().toMillis();
        int doublings = Math.min(failures - 1, 62);
        long ceiling = doublings >= Long.numberOfLeadingZeros(initial) - 1 ? max : initial << doublings;
        return Math.min(ceiling, max);
    }

    boolean isAttemptDue(long nowMillis) {
        return nowMillis >= nextAttemptAtMillis;
    }
}
