package dev.tokenkeeper.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.TokenSources;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.testing.LoginFixture;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.IdentityServer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With the system clock the hot path does not read the clock: a timer clears the fresh token when its
 * refresh moment comes. Real 2 s tokens, real time: refreshes happen on schedule, nobody waits after
 * the first login, and the server never sees an expired token.
 */
class SystemClockRefreshTest {

    @Test
    void theFreshnessTimerHandsOverToBackgroundRefreshesOnSchedule() throws Exception {
        try (IdentityServer server = new LoginFixture().server().clock(Clock.systemUTC())
                .tokenLifetime(Duration.ofSeconds(2)).start();
             ApiProbe api = new ApiProbe(server)) {
            TokenKeeperConfig config = new LoginFixture().config(server)
                    .clock(Clock.systemUTC())
                    .refreshBeforeExpiry(Duration.ofSeconds(1))
                    .expiryMargin(Duration.ofMillis(250))
                    .build();
            Set<AccessToken> seen = new LinkedHashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            try (RefreshingTokenSource source = TokenSources.create(config)) {
                while (source.stats().refreshes() < 3 && System.nanoTime() < deadline) {
                    AccessToken token = source.current();
                    seen.add(token);
                    assertThat(api.call(token)).isEqualTo(200);
                }
                assertThat(source.stats().refreshes()).as("refreshes within 20 s").isGreaterThanOrEqualTo(3);
                assertThat(source.stats().waits()).isEqualTo(1); // only the very first call
                assertThat(source.stats().logins()).isEqualTo(source.stats().refreshes() + 1);
            }
            assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
            assertThat(server.counters().apiCalls(ApiOutcome.EXPIRED_TOKEN)).isZero();
        }
    }
}
