package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.IdentityServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proactive refresh as the user sees it: with 2 s tokens, a steady stream of requests over several
 * token lifetimes never meets an expired token and never fails, because a new token is fetched in
 * the background before the old one runs out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProactiveRefreshTest {

    private static final Duration LIFETIME = Duration.ofSeconds(2);
    /** Refresh from half the lifetime on, make callers wait only in the last 250 ms. */
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(1);
    private static final Duration EXPIRY_MARGIN = Duration.ofMillis(250);

    private IdentityServer server;

    @BeforeAll
    void start() {
        server = TestLogins.server(true).tokenLifetime(LIFETIME).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.resetCounters();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void noRequestFailsOverSeveralTokenLifetimes(Way way) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        try (TokenKeeper keeper = TokenKeeper.create(TestLogins.config(server)
                .refreshBeforeExpiry(REFRESH_BEFORE_EXPIRY).expiryMargin(EXPIRY_MARGIN).build());
             TestClient client = way.open(keeper)) {

            // one request per poll until the fourth token has been issued: at least three lifetimes
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).until(() -> {
                statuses.add(client.send(Req.get(server.apiUrl("/api/echo/steady"))).status());
                return server.counters().loginsSucceeded() >= 4;
            });

            assertThat(statuses).hasSizeGreaterThan(50).containsOnly(200);
            assertThat(server.counters().apiCalls(ApiOutcome.EXPIRED_TOKEN)).isZero();
            assertThat(keeper.stats().replays()).isZero();
            assertThat(keeper.stats().tokenSource().refreshes()).isGreaterThanOrEqualTo(3);
        }
    }
}
