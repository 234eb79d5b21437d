package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.httpclient5.support.ClientOptions;
import dev.tokenkeeper.httpclient5.support.Reply;
import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.IdentityServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token on the wire and its renewal, for every way in: attached and accepted, replaced once after a
 * server-side revoke (32 concurrent callers, one login), a non-repeatable body not replayed, the
 * user's own header left alone, 403 and opt-outs causing no login, disabled retries and redirects
 * still getting the token, refused credentials surfacing as {@link TokenUnavailableException}.
 *
 * <p>Each test logs in with its own real token source against the testkit identity server, so its
 * login counts are its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenLifecycleTest {

    private IdentityServer httpsServer;
    private IdentityServer httpServer;

    @BeforeAll
    void startServers() {
        httpsServer = TestLogins.server(true).start();
        httpServer = TestLogins.server(false).start();
    }

    @AfterAll
    void stopServers() {
        httpsServer.close();
        httpServer.close();
    }

    @BeforeEach
    void resetCounters() {
        httpsServer.resetCounters();
        httpServer.resetCounters();
    }

    static Stream<Arguments> waysOverHttpsAndHttp() {
        List<Arguments> cases = new ArrayList<>();
        for (Way way : Way.values()) {
            cases.add(Arguments.of(way, true));
            cases.add(Arguments.of(way, false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, https={1}")
    @MethodSource("waysOverHttpsAndHttp")
    void everyRequestToAnAllowedHostCarriesTheTokenFromOneLogin(Way way, boolean https) throws Exception {
        IdentityServer server = https ? httpsServer : httpServer;
        try (TokenKeeper keeper = keeper(server); TestClient client = way.open(keeper)) {

            for (int i = 0; i < 3; i++) {
                Reply reply = client.send(Req.get(server.apiUrl("/api/echo/hello-" + i)));
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body()).contains("\"sub\":\"" + TestLogins.USER + "\"");
            }

            assertThat(server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(3);
            assertThat(server.counters().loginsSucceeded()).isEqualTo(1);
            assertThat(server.counters().authorizationHeadersSeen()).hasSize(3)
                    .containsOnly(keeper.tokenSource().current().authorizationHeaderValue());
            assertThat(server.counters().protocolViolations()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void afterAServerSideRevokeEveryRepeatableRequestSucceedsAfterExactlyOneLogin(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer); TestClient client = way.open(keeper)) {
            assertThat(client.send(Req.get(httpsServer.apiUrl("/api/echo/warm-up"))).status()).isEqualTo(200);
            httpsServer.revokeAllTokens();

            List<CompletableFuture<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                URI uri = httpsServer.apiUrl("/api/echo/caller-" + i);
                calls.add(client.submit(i % 2 == 0 ? Req.get(uri) : Req.post(uri, "{\"caller\":" + i + "}")));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(calls).allSatisfy(call -> assertThat(call.join().status()).isEqualTo(200));
            assertThat(httpsServer.counters().loginsAttempted()).isEqualTo(2);
            assertThat(keeper.stats().tokenSource().invalidations()).isEqualTo(1);
            // every request the server refused was sent once more, and only those
            int refused = httpsServer.counters().apiCalls(ApiOutcome.REVOKED_TOKEN);
            assertThat(refused).isPositive();
            assertThat(keeper.stats().replays()).isEqualTo(refused);
            assertThat(httpsServer.counters().apiCalls(ApiOutcome.OK)).isEqualTo(1 + 32);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void aNonRepeatableBodyGetsThe401AndTheNextRequestTheNewToken(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer); TestClient client = way.open(keeper)) {
            assertThat(client.send(Req.get(httpsServer.apiUrl("/api/echo/warm-up"))).status()).isEqualTo(200);
            httpsServer.revokeAllTokens();

            Reply streamed = client.send(Req.postStreamed(httpsServer.apiUrl("/api/echo/upload"), "{\"once\":true}"));

            assertThat(streamed.status()).isEqualTo(401);
            assertThat(keeper.stats().replays()).isZero();
            assertThat(keeper.stats().notReplayed()).isEqualTo(1);
            assertThat(httpsServer.counters().apiCalls(ApiOutcome.REVOKED_TOKEN)).isEqualTo(1);

            Reply next = client.send(Req.get(httpsServer.apiUrl("/api/echo/next")));

            assertThat(next.status()).isEqualTo(200);
            assertThat(keeper.stats().replays()).isZero();
            assertThat(httpsServer.counters().loginsSucceeded()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void aSecond401GoesToTheCallerAfterExactlyOneReplay(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer); TestClient client = way.open(keeper)) {

            // /api/status/401 accepts the token and answers 401 anyway: a server that rejects every token
            Reply reply = client.send(Req.get(httpsServer.apiUrl("/api/status/401")));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(keeper.stats().replays()).isEqualTo(1);
            assertThat(httpsServer.counters().apiCalls(ApiOutcome.OK)).isEqualTo(2);
            assertThat(httpsServer.counters().loginsSucceeded()).isEqualTo(2);
            assertThat(httpsServer.counters().authorizationHeadersSeen()).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void theUsersOwnAuthorizationHeaderIsLeftAlone(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer); TestClient client = way.open(keeper)) {

            Reply reply = client.send(Req.get(httpsServer.apiUrl("/api/echo/mine")).header("Authorization", "Bearer users-own"));

            assertThat(reply.status()).isEqualTo(401); // the server does not know that token, and that is the user's business
            assertThat(httpsServer.counters().authorizationHeadersSeen()).containsExactly("Bearer users-own");
            assertThat(httpsServer.counters().loginsAttempted()).isZero();
            assertThat(keeper.stats().replays()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void a403NeverCausesALogin(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer); TestClient client = way.open(keeper)) {

            assertThat(client.send(Req.get(httpsServer.apiUrl("/api/status/403"))).status()).isEqualTo(403);
            assertThat(client.send(Req.get(httpsServer.apiUrl("/api/status/403"))).status()).isEqualTo(403);

            assertThat(httpsServer.counters().loginsAttempted()).isEqualTo(1);
            assertThat(keeper.stats().tokenSource().invalidations()).isZero();
            assertThat(keeper.stats().replays()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void theSkipAttributeSendsTheRequestWithoutToken(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer); TestClient client = way.open(keeper)) {

            Reply reply = client.send(Req.get(httpsServer.apiUrl("/api/echo/anonymous"))
                    .context(TokenKeeper.skipToken(HttpClientContext.create())));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(httpsServer.counters().apiCalls(ApiOutcome.MISSING_TOKEN)).isEqualTo(1);
            assertThat(httpsServer.counters().loginsAttempted()).isZero();
            assertThat(keeper.stats().replays()).isZero();
            assertThat(keeper.stats().withheld()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void authenticationDisabledInTheRequestConfigSendsTheRequestWithoutToken(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer); TestClient client = way.open(keeper)) {

            Reply reply = client.send(Req.get(httpsServer.apiUrl("/api/echo/anonymous"))
                    .config(RequestConfig.custom().setAuthenticationEnabled(false).build()));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(httpsServer.counters().apiCalls(ApiOutcome.MISSING_TOKEN)).isEqualTo(1);
            assertThat(httpsServer.counters().loginsAttempted()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void withRetriesAndRedirectsDisabledTheTokenIsStillAttached(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer);
             TestClient client = way.open(keeper, ClientOptions.DEFAULTS.withoutRedirects().withoutRetries())) {
            String to = URLEncoder.encode(httpsServer.apiUrl("/api/echo/target").toString(), StandardCharsets.UTF_8);

            Reply echo = client.send(Req.get(httpsServer.apiUrl("/api/echo/plain")));
            Reply redirect = client.send(Req.get(httpsServer.apiUrl("/api/redirect?status=302&to=" + to)));

            assertThat(echo.status()).isEqualTo(200);
            assertThat(redirect.status()).isEqualTo(302); // not followed: redirects are off
            String header = keeper.tokenSource().current().authorizationHeaderValue();
            assertThat(httpsServer.counters().authorizationHeadersSeen()).containsExactly(header);
            assertThat(httpsServer.counters().redirectAuthorizationHeadersSeen()).containsExactly(header);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void withRetriesAndRedirectsDisabledA401IsStillReplayed(Way way) throws Exception {
        try (TokenKeeper keeper = keeper(httpsServer);
             TestClient client = way.open(keeper, ClientOptions.DEFAULTS.withoutRedirects().withoutRetries())) {
            assertThat(client.send(Req.get(httpsServer.apiUrl("/api/echo/warm-up"))).status()).isEqualTo(200);
            httpsServer.revokeAllTokens();

            assertThat(client.send(Req.post(httpsServer.apiUrl("/api/echo/again"), "{}")).status()).isEqualTo(200);
            assertThat(keeper.stats().replays()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void refusedCredentialsFailTheCallWithTokenUnavailableWithoutRetry(Way way) throws Exception {
        try (TokenKeeper keeper = TokenKeeper.create(TestLogins.config(httpsServer, "wrong password").build());
             TestClient client = way.open(keeper)) {
            // a GET: idempotent, so HttpClient's retry strategy would retry an ordinary I/O error
            assertThatThrownBy(() -> client.send(Req.get(httpsServer.apiUrl("/api/echo/denied"))))
                    .isInstanceOf(TokenUnavailableException.class)
                    .hasCauseInstanceOf(CredentialsRejectedException.class)
                    .hasMessageContaining(httpsServer.baseUri().getHost());
            assertThatThrownBy(() -> client.send(Req.post(httpsServer.apiUrl("/api/echo/denied"), "{}")))
                    .isInstanceOf(TokenUnavailableException.class)
                    .hasCauseInstanceOf(CredentialsRejectedException.class);

            // the refused login was not repeated (cool-down), and HttpClient did not retry the GET: a retry
            // would have asked the token source once more and shown up as a second fail-fast
            assertThat(httpsServer.counters().loginsAttempted()).isEqualTo(1);
            assertThat(keeper.stats().tokenSource().failFasts()).isEqualTo(1);
            assertThat(httpsServer.counters().apiCallsTotal()).isZero();
            assertThat(keeper.stats().tokenUnavailable()).isEqualTo(2);
        }
    }

    /** The keeper a configuration makes: default scope (exactly the loopback login host and port). */
    private static TokenKeeper keeper(IdentityServer server) {
        return TokenKeeper.create(TestLogins.config(server).build());
    }
}
