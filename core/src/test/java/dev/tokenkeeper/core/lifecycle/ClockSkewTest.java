package dev.tokenkeeper.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.testkit.ApiOutcome;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The identity server's clock is minutes off ours. Expiry is measured from receipt on our clock, so
 * refreshes keep their schedule: no login loop (server ahead), no expired token sent (server behind).
 */
class ClockSkewTest {

    @ParameterizedTest(name = "server clock {0} min off")
    @ValueSource(ints = {10, -10})
    void tokensAreRefreshedOnScheduleWhateverTheServerClockSays(int offsetMinutes) throws Exception {
        try (LifecycleFixture fx = new LifecycleFixture(); ApiProbe api = new ApiProbe(fx.server)) {
            fx.server.setClockOffset(Duration.ofMinutes(offsetMinutes));
            int seconds = 300;

            for (int second = 0; second < seconds; second++) {
                AccessToken token = fx.source.current();
                assertThat(api.call(token)).as("API status at %d s", second).isEqualTo(200);
                fx.clock.advance(Duration.ofSeconds(1));
                // A refresh is due from 19 s before expiry (20 s lead less the 5 % spread). Let one that
                // has become due finish before time moves on, so the login count is exact.
                await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                        .until(() -> fx.remainingSeconds(fx.source.current()) > 18);
            }

            // 60 s tokens refreshed about 41 s after receipt: one login per ~41 s, not one per call.
            assertThat(fx.loginsAttempted()).isBetween(seconds / 42, seconds / 40 + 1);
            assertThat(fx.server.counters().apiCalls(ApiOutcome.EXPIRED_TOKEN)).isZero();
            assertThat(fx.server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(seconds);
            assertThat(fx.source.stats().waits()).isEqualTo(1); // only the first call ever waited
        }
    }
}
