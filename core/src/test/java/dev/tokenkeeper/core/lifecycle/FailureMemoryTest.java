package dev.tokenkeeper.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureMemoryTest {

    private final RefreshPolicy policy = RefreshPolicy.DEFAULTS; // 1 s doubling to 60 s, 60 s cool-down

    @Test
    void refusedCredentialsWaitTheWholeCooldownWhateverTheJitter() {
        FailureMemory m = FailureMemory.after(null, new CredentialsRejectedException("no", 401), policy, 1_000, 0.0);

        assertThat(m.nextAttemptAtMillis()).isEqualTo(61_000);
        assertThat(m.isAttemptDue(60_999)).isFalse();
        assertThat(m.isAttemptDue(61_000)).isTrue();
    }

    @Test
    void backoffCeilingDoublesFromInitialToTheCap() {
        assertThat(FailureMemory.backoffCeiling(policy, 1)).isEqualTo(1_000);
        assertThat(FailureMemory.backoffCeiling(policy, 2)).isEqualTo(2_000);
        assertThat(FailureMemory.backoffCeiling(policy, 6)).isEqualTo(32_000);
        assertThat(FailureMemory.backoffCeiling(policy, 7)).isEqualTo(60_000);
        assertThat(FailureMemory.backoffCeiling(policy, 1_000)).isEqualTo(60_000);
    }

    @Test
    void fullJitterPicksAWaitBetweenZeroAndTheCeiling() {
        FailureMemory first = FailureMemory.after(null, unavailable(null), policy, 0, 0.5);
        FailureMemory third = FailureMemory.after(
                FailureMemory.after(first, unavailable(null), policy, 0, 0.5), unavailable(null), policy, 0, 0.5);

        assertThat(first.nextAttemptAtMillis()).isEqualTo(500);
        assertThat(third.consecutiveFailures()).isEqualTo(3);
        assertThat(third.nextAttemptAtMillis()).isEqualTo(2_000);
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheJitteredWait() {
        FailureMemory m = FailureMemory.after(null, unavailable(Duration.ofSeconds(7)), policy, 0, 0.5);

        assertThat(m.nextAttemptAtMillis()).isEqualTo(7_000);
    }

    @Test
    void anAbsurdRetryAfterIsCappedAtAnHour() {
        FailureMemory m = FailureMemory.after(null, unavailable(Duration.ofDays(3)), policy, 0, 0.5);

        assertThat(m.nextAttemptAtMillis()).isEqualTo(Duration.ofHours(1).toMillis());
    }

    @Test
    void aRetryAfterBeyondLongMillisecondsIsCappedAtAnHourToo() {
        // Retry-After: 100000000000000000 (seconds) parses, but is 10^20 ms: more than a long holds.
        FailureMemory m = FailureMemory.after(null, unavailable(Duration.ofSeconds(100_000_000_000_000_000L)), policy, 0, 0.5);

        assertThat(m.nextAttemptAtMillis()).isEqualTo(Duration.ofHours(1).toMillis());
    }

    private static IdentityServiceUnavailableException unavailable(Duration retryAfter) {
        return new IdentityServiceUnavailableException("identity service answered 503", null, retryAfter);
    }
}
