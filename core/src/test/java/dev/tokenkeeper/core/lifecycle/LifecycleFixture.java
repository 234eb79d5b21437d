package dev.tokenkeeper.core.lifecycle;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.login.ProtocolLoginClient;
import dev.tokenkeeper.core.testing.LoginFixture;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.MutableClock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * A real identity server over HTTPS and a real token source logging in to it, sharing one
 * {@link MutableClock}: 60 s tokens, refresh 20 s before expiry, block 5 s before. Time moves only when
 * a test advances the clock, so every threshold is crossed exactly where the test says.
 */
final class LifecycleFixture implements AutoCloseable {

    static final Duration LIFETIME = Duration.ofSeconds(60);

    final LoginFixture login = new LoginFixture();
    final MutableClock clock = login.clock;
    final IdentityServer server;
    final RefreshingTokenSource source;

    /** Every random draw returns 0.5: the refresh lead loses 5 %, a backoff waits half its ceiling. */
    LifecycleFixture() {
        this(0.5);
    }

    /** @param random the value every random draw returns, so refresh spread and backoff jitter are predictable */
    LifecycleFixture(double random) {
        this(random, login -> login);
    }

    LifecycleFixture(double random, UnaryOperator<TokenKeeperConfig.Builder> config) {
        this(random, config, false);
    }

    /** A fixture whose user has MFA on: every login takes the TOTP step. */
    static LifecycleFixture withMfa(double random) {
        return new LifecycleFixture(random, c -> c, true);
    }

    private LifecycleFixture(double random, UnaryOperator<TokenKeeperConfig.Builder> config, boolean mfa) {
        server = login.server().tokenLifetime(LIFETIME).start();
        TokenKeeperConfig built = config.apply((mfa ? login.mfaConfig(server) : login.config(server))
                .refreshBeforeExpiry(Duration.ofSeconds(20))
                .expiryMargin(Duration.ofSeconds(5))).build();
        source = RefreshingTokenSource.builder(ProtocolLoginClient.builder(built).sleeper(login.sleeper).build())
                .policy(built.refreshPolicy())
                .clock(clock)
                .maxWait(Duration.ofSeconds(10))
                .random(fixed(random))
                .build();
    }

    /** A "random" generator that always draws {@code value}, so jitter and spread are predictable. */
    static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    /** Seconds of token life left on the shared clock. */
    double remainingSeconds(AccessToken token) {
        return Duration.between(clock.instant(), token.expiresAt()).toMillis() / 1000.0;
    }

    int loginsAttempted() {
        return server.counters().loginsAttempted();
    }

    @Override
    public void close() {
        source.close();
        server.close();
    }
}
