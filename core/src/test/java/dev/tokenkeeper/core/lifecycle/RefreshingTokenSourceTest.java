package dev.tokenkeeper.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.error.TokenSourceClosedException;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.LoginStep;
import dev.tokenkeeper.testkit.TokenStyle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The state machine, one threshold at a time, against the real identity server. */
class RefreshingTokenSourceTest {

    private final LifecycleFixture fx = new LifecycleFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void firstCallLogsInAndAFreshTokenIsServedFromMemory() {
        AccessToken first = fx.source.current();

        fx.clock.advance(Duration.ofSeconds(30)); // refresh due from about 40 s
        for (int i = 0; i < 1_000; i++) {
            assertThat(fx.source.current()).isSameAs(first);
        }

        assertThat(fx.loginsAttempted()).isEqualTo(1);
        assertThat(fx.source.stats().logins()).isEqualTo(1);
        assertThat(fx.source.stats().waits()).isEqualTo(1); // only the very first call waited
        // The server stamps whole seconds: iat rounded down, exp up; one second of that is not counted.
        assertThat(first.lifetime()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
    }

    @Test
    void whenARefreshIsDueTheOldTokenIsHandedOutWhileOneBackgroundLoginRuns() {
        AccessToken first = fx.source.current();
        fx.server.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofMillis(500)), 1);
        fx.clock.advance(Duration.ofSeconds(45)); // refresh due (about 40 s), not yet blocking (about 55 s)

        for (int i = 0; i < 200; i++) {
            assertThat(fx.source.current()).isSameAs(first); // nobody waits for the slow login
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.source.current() != first);

        assertThat(fx.loginsAttempted()).isEqualTo(2);
        assertThat(fx.source.stats().refreshes()).isEqualTo(1);
        assertThat(fx.source.stats().waits()).isEqualTo(1);
        assertThat(fx.source.current().expiresAt()).isAfter(first.expiresAt());
    }

    @Test
    void withinTheExpiryMarginCallersWaitForTheLogin() {
        AccessToken first = fx.source.current();
        fx.clock.advance(Duration.ofSeconds(56)); // past blockAt (about 55 s), token still valid until about 60 s

        AccessToken second = fx.source.current();

        assertThat(second).isNotSameAs(first);
        assertThat(fx.loginsAttempted()).isEqualTo(2);
        assertThat(fx.source.stats().waits()).isEqualTo(2);
        assertThat(fx.source.stats().refreshes()).isZero();
    }

    @Test
    void asyncCallersDoNotBlockWhileTheLoginRuns() throws Exception {
        fx.server.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofMillis(700)), 1);

        CompletableFuture<AccessToken> future = fx.source.currentAsync();

        assertThat(future).isNotDone(); // returned before the 700 ms login finished
        AccessToken token = future.get();
        assertThat(fx.source.currentAsync()).isCompletedWithValue(token);
        assertThat(fx.loginsAttempted()).isEqualTo(1);
    }

    @Test
    void cancellingOneAsyncCallerLeavesTheSharedLoginToTheOthers() throws Exception {
        fx.server.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofMillis(500)), 1);

        CompletableFuture<AccessToken> cancelled = fx.source.currentAsync();
        CompletableFuture<AccessToken> other = fx.source.currentAsync();
        cancelled.cancel(true);

        assertThat(other.get()).isNotNull();
        assertThat(fx.loginsAttempted()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutExpGetsTheDefaultLifetime() {
        fx.server.setTokenStyle(TokenStyle.NO_EXP);

        AccessToken token = fx.source.current();

        assertThat(token.lifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aTokenThatIsNotAJwtIsATypedErrorRetriedWithBackoff() {
        fx.server.setTokenStyle(TokenStyle.NOT_A_JWT);

        assertThatThrownBy(fx.source::current).isInstanceOf(MalformedLoginResponseException.class)
                .hasMessageContaining("fingerprint");
        assertThatThrownBy(fx.source::current).isInstanceOf(MalformedLoginResponseException.class);

        assertThat(fx.loginsAttempted()).isEqualTo(1); // the second call was answered from memory
        assertThat(fx.source.stats().failFasts()).isEqualTo(1);
    }

    @Test
    void everyTokenHandedOutIsAcceptedByTheServer() throws Exception {
        try (ApiProbe api = new ApiProbe(fx.server)) {
            for (int second = 0; second < 300; second++) {
                AccessToken token = fx.source.current();
                assertThat(api.call(token)).isEqualTo(200);
                fx.clock.advance(Duration.ofSeconds(1));
            }
        }
        assertThat(fx.server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(300);
    }

    @Test
    void closeFailsWaitingAndLaterCallersWithATypedError() throws Exception {
        fx.server.injectFault(LoginStep.PASSWORD, Fault.noAnswer(), 1);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<AccessToken> waiting = caller.submit(fx.source::current);
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.server.counters().loginsAttempted() == 1);

            fx.source.close();

            assertThatThrownBy(() -> waiting.get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TokenSourceClosedException.class);
            assertThatThrownBy(fx.source::current).isInstanceOf(TokenSourceClosedException.class);
            assertThat(fx.source.currentAsync()).isCompletedExceptionally();
        } finally {
            caller.shutdownNow();
        }
    }
}
