package dev.tokenkeeper.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.LoginStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** N concurrent callers, one login: at expiry, at a cold start, and when they all reject one token. */
class SingleFlightTest {

    private static final int CALLERS = 64;

    private final LifecycleFixture fx = new LifecycleFixture();
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void close() {
        pool.shutdownNow();
        fx.close();
    }

    @Test
    void sixtyFourThreadsAtExpiryCauseExactlyOneLogin() throws Exception {
        AccessToken expired = fx.source.current();
        fx.clock.advance(LifecycleFixture.LIFETIME.plusSeconds(1));
        // A slow login keeps the window open, so all callers really arrive while it runs.
        fx.server.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofMillis(300)), 1);
        fx.server.resetCounters();

        List<AccessToken> tokens = allAtOnce(fx.source::current);

        assertThat(tokens).hasSize(CALLERS).allSatisfy(t -> assertThat(t).isSameAs(tokens.get(0)));
        assertThat(tokens.get(0)).isNotSameAs(expired);
        assertThat(fx.server.counters().loginsAttempted()).isEqualTo(1);
        assertThat(fx.server.counters().maxConcurrentLogins()).isEqualTo(1);
    }

    @Test
    void sixtyFourAsyncCallersAtColdStartShareOneLogin() throws Exception {
        fx.server.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofMillis(300)), 1);

        List<CompletableFuture<AccessToken>> futures = allAtOnce(fx.source::currentAsync);
        List<AccessToken> tokens = new ArrayList<>();
        for (CompletableFuture<AccessToken> f : futures) {
            tokens.add(f.get(10, TimeUnit.SECONDS));
        }

        assertThat(tokens).allSatisfy(t -> assertThat(t).isSameAs(tokens.get(0)));
        assertThat(fx.server.counters().loginsAttempted()).isEqualTo(1);
        assertThat(fx.server.counters().maxConcurrentLogins()).isEqualTo(1);
    }

    @Test
    void sixtyFourThreadsInvalidatingTheSameTokenCauseOneLogin() throws Exception {
        AccessToken rejected = fx.source.current();

        List<AccessToken> tokens = allAtOnce(() -> {
            fx.source.invalidate(rejected);
            return fx.source.current();
        });

        assertThat(tokens).allSatisfy(t -> assertThat(t).isSameAs(tokens.get(0)).isNotSameAs(rejected));
        assertThat(fx.loginsAttempted()).isEqualTo(2);
        assertThat(fx.source.stats().invalidations()).isEqualTo(1);
    }

    @Test
    void aLateRejectionOfAReplacedTokenTriggersNothing() {
        AccessToken old = fx.source.current();
        fx.source.invalidate(old);
        AccessToken replacement = fx.source.current();

        fx.source.invalidate(old);

        assertThat(fx.source.current()).isSameAs(replacement);
        assertThat(fx.loginsAttempted()).isEqualTo(2);
        assertThat(fx.source.stats().invalidations()).isEqualTo(1);
    }

    /** Runs {@code call} on {@link #CALLERS} threads released together, and collects the results. */
    private <T> List<T> allAtOnce(Callable<T> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(20, TimeUnit.SECONDS));
        }
        return results;
    }
}
