package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.httpclient5.support.AsyncTestClient;
import dev.tokenkeeper.httpclient5.support.ClientOptions;
import dev.tokenkeeper.httpclient5.support.Clients;
import dev.tokenkeeper.httpclient5.support.Reply;
import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.LoginStep;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The async handler never blocks an I/O thread: on a client with a single I/O thread, a request
 * waiting for a slow (2 s) login does not hold up other requests, and a caller can cancel its wait.
 */
class AsyncNonBlockingTest {

    private static final Duration SLOW_LOGIN = Duration.ofSeconds(2);

    private IdentityServer identity;
    /** An out-of-scope server whose redirect endpoint sends the client back into scope. */
    private IdentityServer elsewhere;
    private TokenKeeper keeper;
    private AsyncTestClient client;

    @BeforeEach
    void start() {
        identity = TestLogins.server(true).start();
        elsewhere = IdentityServer.builder().https(true).hostName("127.0.0.1").start();
        keeper = TokenKeeper.create(TestLogins.config(identity).build());
        client = new AsyncTestClient(keeper.configure(Clients.asyncBuilder(ClientOptions.DEFAULTS.ioThreads(1))).build());
    }

    @AfterEach
    void stop() {
        client.close();
        keeper.close();
        elsewhere.close();
        identity.close();
    }

    @Test
    void aSlowLoginDoesNotStallRequestsThatAlreadyHoldAValidToken() throws Exception {
        assertThat(client.send(Req.get(identity.apiUrl("/api/echo/warm-up"))).status()).isEqualTo(200);
        AccessToken stillValid = keeper.tokenSource().current();
        identity.injectFault(LoginStep.PASSWORD, Fault.slow(SLOW_LOGIN), 1);
        keeper.tokenSource().invalidate(stillValid); // the client drops it; the server still accepts it

        // The first hop goes out of scope without a token; the redirect hop back into scope runs on the
        // only I/O thread and needs the token that the slow login is still fetching.
        URI back = identity.apiUrl("/api/echo/after-slow-login");
        CompletableFuture<Reply> waiting = client.submit(Req.get(elsewhere.apiUrl(
                "/api/redirect?status=302&to=" + URLEncoder.encode(back.toString(), StandardCharsets.UTF_8))));
        await().atMost(Duration.ofSeconds(5)).until(() -> elsewhere.counters().redirectAuthorizationHeadersSeen().size() == 1);

        // Requests that carry a valid token of their own go through the same I/O thread meanwhile.
        for (int i = 0; i < 5; i++) {
            assertThat(client.submit(Req.get(identity.apiUrl("/api/echo/meanwhile-" + i))
                    .header("Authorization", stillValid.authorizationHeaderValue())))
                    .as("a request with a valid token while another waits for the slow login")
                    .succeedsWithin(Duration.ofSeconds(1)).extracting(Reply::status).isEqualTo(200);
        }
        assertThat(waiting).as("the request waiting for the slow login").isNotDone();

        assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(elsewhere.counters().redirectAuthorizationHeadersSeen()).containsExactly("");
        assertThat(identity.counters().loginsSucceeded()).isEqualTo(2);
        assertThat(identity.counters().apiCalls(ApiOutcome.OK)).isEqualTo(1 + 5 + 1);
    }

    @Test
    void cancellingARequestThatWaitsForALoginSendsNothingAndLeavesTheLoginToOthers() throws Exception {
        assertThat(client.send(Req.get(identity.apiUrl("/api/echo/warm-up"))).status()).isEqualTo(200);
        identity.injectFault(LoginStep.PASSWORD, Fault.slow(SLOW_LOGIN), 1);
        keeper.tokenSource().invalidate(keeper.tokenSource().current());

        Future<SimpleHttpResponse> cancelled = client.rawGet(identity.apiUrl("/api/echo/cancelled"));
        CompletableFuture<Reply> other = client.submit(Req.get(identity.apiUrl("/api/echo/other")));
        assertThat(cancelled.cancel(true)).isTrue();

        assertThat(other.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThatThrownBy(() -> cancelled.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(identity.counters().loginsSucceeded()).isEqualTo(2);
        // the warm-up and "other" reached the API; the cancelled request never left the client
        assertThat(identity.counters().apiCallsTotal()).isEqualTo(2);
    }
}
