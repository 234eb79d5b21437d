package dev.tokenkeeper.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.core.testing.LoginFixture;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.LoginStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** Refused credentials cool down; an unavailable service backs off; a valid token keeps serving. */
class FailurePolicyTest {

    @Test
    void aWrongPasswordHammeredBy64ThreadsIsTriedOncePerCooldown() throws Exception {
        AtomicReference<String> password = new AtomicReference<>("not-the-password");
        try (LifecycleFixture fx = new LifecycleFixture(0.5, c -> c
                .password(SecretSource.callback("rotating test password", () -> password.get().toCharArray())))) {
            ConcurrentHashMap<Class<?>, LongAdder> outcomes = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(64);
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            List<Future<?>> hammers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                hammers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        try {
                            fx.source.current();
                            outcomes.computeIfAbsent(AccessToken.class, k -> new LongAdder()).increment();
                        } catch (TokenKeeperException e) {
                            outcomes.computeIfAbsent(e.getClass(), k -> new LongAdder()).increment();
                        }
                    }
                }));
            }
            for (Future<?> f : hammers) {
                f.get();
            }
            pool.shutdown();

            assertThat(fx.loginsAttempted()).isEqualTo(1);
            assertThat(outcomes).containsOnlyKeys(CredentialsRejectedException.class);
            assertThat(fx.source.stats().failFasts()).isGreaterThan(1_000);

            // One cool-down later: exactly one more attempt, still refused.
            fx.clock.advance(Duration.ofSeconds(60));
            assertThatThrownBy(fx.source::current).isInstanceOf(CredentialsRejectedException.class);
            assertThatThrownBy(fx.source::current).isInstanceOf(CredentialsRejectedException.class);
            assertThat(fx.loginsAttempted()).isEqualTo(2);

            // The password was rotated where the secret lives; the next cool-down ends in a login.
            password.set(LoginFixture.PASSWORD);
            fx.clock.advance(Duration.ofSeconds(60));
            assertThat(fx.source.current()).isNotNull();
            assertThat(fx.loginsAttempted()).isEqualTo(3);
        }
    }

    @Test
    void aServiceAnswering503ForTenSecondsIsRetriedOnTheBackoffSchedule() {
        // Jitter drawn at its top: waits of ~1, 2, 4, 8 s, so attempts at 0, ~1, ~3, ~7 and ~15 s.
        try (LifecycleFixture fx = new LifecycleFixture(0.999)) {
            fx.server.injectFault(LoginStep.PASSWORD, Fault.status(503), -1);
            List<Long> attemptSeconds = new ArrayList<>();
            AccessToken token = null;
            for (int tenth = 0; tenth <= 200 && token == null; tenth++) {
                if (tenth == 100) {
                    fx.server.clearFaults(); // the outage ends after 10 s
                }
                int before = fx.loginsAttempted();
                try {
                    token = fx.source.current();
                } catch (IdentityServiceUnavailableException e) {
                    assertThat(e.getMessage()).contains("503");
                }
                if (fx.loginsAttempted() > before) {
                    attemptSeconds.add(Math.round(tenth / 10.0));
                }
                fx.clock.advance(Duration.ofMillis(100));
            }

            assertThat(attemptSeconds).containsExactly(0L, 1L, 3L, 7L, 15L);
            assertThat(token).isNotNull();
            assertThat(fx.source.stats().loginFailures()).isEqualTo(4);
        }
    }

    @Test
    void retryAfterIsObeyedEvenWhenTheJitterWouldRetrySooner() {
        try (LifecycleFixture fx = new LifecycleFixture(0.0)) {
            fx.server.injectFault(LoginStep.PASSWORD, Fault.tooManyRequests(Duration.ofSeconds(7)), 1);

            assertThatThrownBy(fx.source::current).isInstanceOf(IdentityServiceUnavailableException.class);
            fx.clock.advance(Duration.ofMillis(6_900));
            assertThatThrownBy(fx.source::current).isInstanceOf(IdentityServiceUnavailableException.class);
            assertThat(fx.loginsAttempted()).isEqualTo(1);

            fx.clock.advance(Duration.ofMillis(100));
            assertThat(fx.source.current()).isNotNull();
            assertThat(fx.loginsAttempted()).isEqualTo(2);
        }
    }

    @Test
    void aStillValidTokenKeepsServingWhileTheServiceIsDownAndFailsFastOnceExpired() {
        try (LifecycleFixture fx = new LifecycleFixture(0.5)) {
            AccessToken token = fx.source.current();
            fx.server.injectFault(LoginStep.PASSWORD, Fault.status(503), -1);

            fx.clock.advance(Duration.ofSeconds(45)); // refresh due: a background refresh fails
            assertThat(fx.source.current()).isSameAs(token);
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.source.stats().loginFailures() == 1);

            fx.clock.advance(Duration.ofSeconds(11)); // inside the expiry margin: this login fails too
            assertThat(fx.source.current()).isSameAs(token);
            assertThat(fx.source.stats().loginFailures()).isEqualTo(2);

            fx.clock.advance(Duration.ofSeconds(5)); // expired
            assertThatThrownBy(fx.source::current).isInstanceOf(IdentityServiceUnavailableException.class);
            int attempts = fx.loginsAttempted();
            assertThatThrownBy(fx.source::current).isInstanceOf(IdentityServiceUnavailableException.class);
            assertThat(fx.loginsAttempted()).isEqualTo(attempts); // answered from memory until the backoff ends
        }
    }
}
