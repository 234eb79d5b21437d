package dev.tokenkeeper.samples.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenkeeper.samples.support.CliRun;
import dev.tokenkeeper.samples.support.ClosedPort;
import dev.tokenkeeper.samples.support.TestConfig;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.IdentityServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code load}, end to end in-process against the testkit identity server over HTTPS, classic and async. */
class LoadCommandTest {

    private static final String USER = "load@example.test";
    private static final String PASSWORD = "load-test-password-77a0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdentityServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() {
        server = IdentityServer.builder().user(USER, PASSWORD).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void everyRequestOkIsExitZeroWithOneLoginInTheReport(boolean async) throws Exception {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)) {
            CliRun run = load(config, async, "--requests", "300", "--threads", "8", server.apiUrl("/api/echo/orders").toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            JsonNode report = reportOf(run);
            assertThat(fieldNames(report)).containsExactly("requests", "ok", "status", "errors", "logins", "refreshes",
                    "replays", "p50Ms", "p99Ms", "maxMs", "durationMs");
            assertThat(report.get("requests").asLong()).isEqualTo(300);
            assertThat(report.get("ok").asLong()).isEqualTo(300);
            assertThat(report.get("status").get("200").asLong()).isEqualTo(300);
            assertThat(report.get("errors").size()).isZero();
            assertThat(report.get("logins").asLong()).isEqualTo(1);
            assertThat(report.get("refreshes").asLong()).isZero();
            assertThat(report.get("replays").asLong()).isZero();
            assertThat(report.get("p50Ms").asDouble()).isPositive()
                    .isLessThanOrEqualTo(report.get("p99Ms").asDouble());
            assertThat(report.get("p99Ms").asDouble()).isLessThanOrEqualTo(report.get("maxMs").asDouble());
            assertThat(report.get("durationMs").asLong()).isPositive();
            assertThat(server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(300);
            assertThat(server.counters().loginsAttempted()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRevokeMidRunIsAnsweredByOneLoginAndReplays(boolean async) throws Exception {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)) {
            CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() ->
                    load(config, async, "--requests", "1000", "--threads", "4", "--data", "{\"n\":1}", server.apiUrl("/api/echo/orders").toString()));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> server.counters().apiCalls(ApiOutcome.OK) >= 50);
            server.revokeAllTokens();
            CliRun run = running.get(30, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            JsonNode report = reportOf(run);
            assertThat(report.get("ok").asLong()).isEqualTo(1000);
            assertThat(report.get("logins").asLong()).isEqualTo(2);
            int rejected = server.counters().apiCalls(ApiOutcome.REVOKED_TOKEN);
            assertThat(rejected).isBetween(1, 4);
            assertThat(report.get("replays").asLong()).isEqualTo(rejected);
        }
    }

    @Test
    void nonTwoHundredAnswersAreCountedByStatusAndExitOne() throws Exception {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)) {
            // 404, not 503: HttpClient's default retry strategy (kept by load) retries a 503 after a second.
            CliRun run = load(config, false, "--requests", "20", "--threads", "2", server.apiUrl("/api/status/404").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode report = reportOf(run);
            assertThat(report.get("ok").asLong()).isZero();
            assertThat(report.get("status").get("404").asLong()).isEqualTo(20);
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aWrongPasswordIsCountedAsTheTypedErrorWithOneLoginAttempt(boolean async) throws Exception {
        try (TestConfig config = TestConfig.forServer(server, USER, "wrong-password-1f2e")) {
            CliRun run = load(config, async, "--requests", "40", "--threads", "4", server.apiUrl("/api/echo/orders").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode report = reportOf(run);
            assertThat(report.get("requests").asLong()).isEqualTo(40);
            assertThat(report.get("errors").get("CredentialsRejectedException").asLong()).isEqualTo(40);
            assertThat(report.get("status").size()).isZero();
            // The cool-down protects the account: one attempt, every other request fails fast.
            assertThat(server.counters().loginsAttempted()).isEqualTo(1);
            assertThat(run.out() + run.err()).doesNotContain("wrong-password-1f2e");
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void anUnreachableIdentityHostIsCountedAsTheTypedError(boolean async) throws Exception {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)
                .set("tokenkeeper.login.url", "https://127.0.0.1:" + ClosedPort.find() + "/account/login")
                .set("tokenkeeper.target.hosts", "localhost")) {
            CliRun run = load(config, async, "--requests", "30", "--threads", "3", server.apiUrl("/api/echo/orders").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode report = reportOf(run);
            assertThat(report.get("errors").get("IdentityServiceUnavailableException").asLong()).isEqualTo(30);
            assertThat(server.counters().apiCallsTotal()).as("nothing sent without a token").isZero();
        }
    }

    @Test
    void badCountsAreOneLineAndExitTwo() {
        CliRun run = CliRun.of("load", "--config", "x.properties", "--requests", "0", "--threads", "1", "https://localhost/x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().satisfies(l -> assertThat(l).isEqualTo("error: --requests must be between 1 and 10000000, was 0."));

        run = CliRun.of("load", "--config", "x.properties", "--requests", "5", "https://localhost/x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().satisfies(l -> assertThat(l).contains("Missing required option: '--threads=T'"));

        run = CliRun.of("load", "--config", "x.properties", "--requests", "many", "--threads", "1", "https://localhost/x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().satisfies(l -> assertThat(l).contains("'many' is not an int"));
    }

    @Test
    void aBadKeyIsOneLineNamingItAndExitsTwo() {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD).set("tokenkeeper.http.connect-timeout", "soon")) {
            CliRun run = load(config, false, "--requests", "5", "--threads", "1", server.apiUrl("/api/echo/x").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).singleElement().satisfies(l -> assertThat(l)
                    .startsWith("error: configuration: ").contains("tokenkeeper.http.connect-timeout"));
            assertThat(run.out()).isEmpty();
            assertThat(server.counters().loginsAttempted()).isZero();
        }
    }

    @Test
    void aMissingConfigFileIsOneLineAndExitsTwo() {
        CliRun run = CliRun.of("load", "--config", dir.resolve("absent.properties").toString(), "--requests", "1", "--threads", "1",
                "https://localhost/x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().satisfies(l -> assertThat(l).contains("absent.properties does not exist"));
        assertThat(run.out()).isEmpty();
    }

    private CliRun load(TestConfig config, boolean async, String... args) {
        List<String> all = new ArrayList<>(List.of("load", "--config", config.writeTo(dir).toString()));
        if (async) {
            all.add("--async");
        }
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static JsonNode reportOf(CliRun run) throws Exception {
        return JSON.readTree(run.lastOutLine());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
