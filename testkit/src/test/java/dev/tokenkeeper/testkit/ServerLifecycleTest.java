package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads and shutdown: concurrent logins really run concurrently, and close() never hangs. */
class ServerLifecycleTest {

    private final HttpClient client = HttpClient.newBuilder().sslContext(TestPki.clientSslContext())
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void concurrentLoginsAreServedInParallelAndCounted() throws Exception {
        try (IdentityServer server = IdentityServer.builder().user("a@example.test", "pw").start()) {
            server.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofMillis(800)), 16);

            List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                logins.add(client.sendAsync(login(server).build(), HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.counters().loginsInFlight() == 16);
            for (CompletableFuture<HttpResponse<String>> login : logins) {
                assertThat(login.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }

            assertThat(server.counters().maxConcurrentLogins()).isEqualTo(16);
            assertThat(server.counters().loginsSucceeded()).isEqualTo(16);
            assertThat(server.counters().distinctIdentityTokens()).isEqualTo(16);
            // The handler leaves the in-flight count after its response is sent, so the client may get
            // there first: wait for it, bounded.
            await().atMost(Duration.ofSeconds(5)).until(() -> server.counters().loginsInFlight() == 0);
        }
    }

    @Test
    void closeReturnsPromptlyAndDropsHeldConnections() {
        IdentityServer server = IdentityServer.builder().user("a@example.test", "pw").start();
        server.injectFault(LoginStep.PASSWORD, Fault.noAnswer(), -1);
        server.injectFault(LoginStep.OTP, Fault.slow(Duration.ofMinutes(5)), -1);
        CompletableFuture<HttpResponse<String>> held = client.sendAsync(login(server).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                Http.loginRequest(server.otpUrl(), Http.newIdentityToken(), Map.of("otp", "1", "mfaToken", "x")).build(),
                HttpResponse.BodyHandlers.ofString());
        // The slow OTP step is in flight; the held password step has left the in-flight count.
        await().atMost(Duration.ofSeconds(5)).until(() -> server.counters().loginsAttempted() == 1
                && server.counters().otpSteps() == 1 && server.counters().loginsInFlight() == 1);

        long start = System.nanoTime();
        server.close();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> held.isDone() && slow.isDone());
        assertThat(held).isCompletedExceptionally();
        assertThat(slow).isCompletedExceptionally();
    }

    /**
     * Guards TCP_NODELAY: without it every loopback response waits ~40 ms for a delayed ACK (Nagle), so 20
     * keep-alive requests would take at least 800 ms instead of a few tens.
     */
    @Test
    void keepAliveRequestsAreNotDelayedByNagle() throws Exception {
        try (IdentityServer server = IdentityServer.builder().https(false).user("a@example.test", "pw").start()) {
            Http http = new Http();
            String authorization = "Bearer " + http.login(server, "a@example.test", "pw");
            for (int i = 0; i < 20; i++) {
                http.get(server.apiUrl("/api/echo/warm-up"), authorization);
            }
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(http.get(server.apiUrl("/api/echo/x"), authorization).statusCode()).isEqualTo(200);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(700));
        }
    }

    private static HttpRequest.Builder login(IdentityServer server) {
        return Http.loginRequest(server.loginUrl(), Http.newIdentityToken(),
                Map.of("email", "a@example.test", "password", "pw"));
    }
}
