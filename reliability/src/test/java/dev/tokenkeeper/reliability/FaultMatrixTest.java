package dev.tokenkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.TokenSources;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.TokenUnavailableException;
import dev.tokenkeeper.httpclient5.support.Reply;
import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.reliability.support.Reports;
import dev.tokenkeeper.reliability.support.Rig;
import dev.tokenkeeper.reliability.support.SuiteEvidence;
import dev.tokenkeeper.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every {@link LoginFault} × (classic, async) × (no token yet, token still valid,
 * token expired), each cell against its own identity server over HTTPS, through a configured HttpClient.
 *
 * <p>Per cell: the outcome of the first request after the fault appears (a new token, the still-valid
 * token, or the exact typed error as the cause of {@link TokenUnavailableException}), its time (at most
 * the response timeout plus slack when the fault costs a timeout, well under it otherwise, and never past
 * {@link TokenSources#loginWaitBound}), and the login attempts made for it and three more requests at
 * the same instant: one. The remembered failure answers the others until the cool-down or backoff ends.
 *
 * <p>Time stands still on a {@link MutableClock} shared by server and client, except where a state is
 * set up: "token still valid" is 45 s before its expiry, inside the 60 s expiry margin, so the request
 * waits for the login and gets the old token when it fails; "token expired" is 1 s after it. The table
 * is written to {@code target/fault-matrix.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {

    /** Login connect and response timeout. */
    static final Duration TIMEOUT = Duration.ofMillis(800);
    /** What a cell may take beyond the timeouts it runs into: a loaded 2-core CI machine, TLS handshakes. */
    static final Duration SLACK = Duration.ofMillis(1500);
    static final Instant START = Instant.parse("2030-01-01T00:00:10Z");
    static final long SEED = 6;

    enum Start {
        NO_TOKEN("no token yet"), VALID("token still valid"), EXPIRED("token expired");

        final String label;

        Start(String label) {
            this.label = label;
        }
    }

    enum Mode {
        CLASSIC(Way.CONFIGURED_CLASSIC, "classic"), ASYNC(Way.CONFIGURED_ASYNC, "async");

        final Way way;
        final String label;

        Mode(Way way, String label) {
            this.way = way;
            this.label = label;
        }
    }

    /** What one request ended in. */
    record Observation(String outcome, Duration elapsed, Throwable error) {
    }

    record Cell(LoginFault fault, Mode mode, Start start, Observation first, int passwordSteps, int otpSteps) {
        String render() {
            String steps = fault.mfa ? passwordSteps + "+" + otpSteps : String.valueOf(passwordSteps);
            return first.outcome + " · " + first.elapsed.toMillis() + " ms · " + steps;
        }
    }

    private final Map<String, Cell> cells = new ConcurrentHashMap<>();

    static Stream<Arguments> cells() {
        List<Arguments> all = new ArrayList<>();
        for (LoginFault fault : LoginFault.values()) {
            for (Mode mode : Mode.values()) {
                for (Start start : Start.values()) {
                    all.add(Arguments.of(fault, mode, start));
                }
            }
        }
        return all.stream();
    }

    @BeforeAll
    void warmUp() throws Exception {
        // The first TLS handshakes of a JVM are slow; they must not eat the first cell's timeout.
        try (Rig rig = Rig.start(new MutableClock(START), s -> s)) {
            TokenKeeper keeper = rig.keeper(rig.config(false, Duration.ofSeconds(10)).build(), SEED);
            for (Way way : List.of(Way.CONFIGURED_CLASSIC, Way.CONFIGURED_ASYNC)) {
                assertThat(rig.client(keeper, way).send(Req.get(rig.server.apiUrl("/api/echo/warm-up"))).status()).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @MethodSource("cells")
    void cell(LoginFault fault, Mode mode, Start start) {
        Cell cell = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(fault, mode, start));
        cells.put(key(fault, mode, start), cell);

        String expected = expectedOutcome(fault, start);
        assertThat(cell.first.outcome).as("outcome").isEqualTo(expected);
        assertThat(cell.passwordSteps).as("password steps for 4 requests").isEqualTo(1);
        if (fault.error != null && start != Start.VALID) {
            assertThat(cell.otpSteps).as("one-time code steps").isEqualTo(fault.otpStepsPerLogin());
        }
        Duration wait = fault.expectedWait(TIMEOUT);
        assertThat(cell.first.elapsed).as("time to outcome").isGreaterThanOrEqualTo(wait.minusMillis(50))
                .isLessThanOrEqualTo(wait.plus(SLACK));
        if (fault == LoginFault.TOO_MANY_REQUESTS && start != Start.VALID) {
            assertThat(((IdentityServiceUnavailableException) cell.first.error).retryAfter()).contains(Duration.ofSeconds(7));
        }
    }

    private Cell run(LoginFault fault, Mode mode, Start start) throws Exception {
        MutableClock clock = new MutableClock(START);
        try (Rig rig = Rig.start(clock, s -> s.tokenLifetime(Duration.ofMinutes(10)))) {
            TokenKeeperConfig config = rig.config(fault.mfa, TIMEOUT)
                    .refreshBeforeExpiry(Duration.ofMinutes(2))
                    .expiryMargin(Duration.ofMinutes(1))
                    .build();
            TokenKeeper keeper = rig.keeper(config, SEED);
            TestClient client = rig.client(keeper, mode.way);
            URI api = rig.server.apiUrl("/api/echo/matrix");

            String oldToken = null;
            if (start != Start.NO_TOKEN) {
                assertThat(client.send(Req.get(api)).status()).isEqualTo(200);
                AccessToken token = keeper.tokenSource().current(); // fresh: no login, no side effect
                oldToken = token.authorizationHeaderValue();
                clock.set(start == Start.VALID ? token.expiresAt().minusSeconds(45) : token.expiresAt().plusSeconds(1));
            }
            rig.server.resetCounters();
            fault.injectInto(rig.server);

            Observation first = observe(rig, client, api, oldToken);
            for (int i = 0; i < 3; i++) {
                Observation again = observe(rig, client, api, oldToken);
                assertThat(again.outcome).as("request " + (i + 2)).isEqualTo(first.outcome);
                assertThat(again.elapsed).as("request " + (i + 2) + " answered from memory").isLessThan(SLACK);
            }
            assertThat(first.elapsed).as("never past the login wait bound").isLessThan(TokenSources.loginWaitBound(config));
            assertThat(rig.server.counters().protocolViolations()).isEmpty();
            SuiteEvidence.text(keeper);
            SuiteEvidence.text(keeper.stats());
            SuiteEvidence.text(config);
            return new Cell(fault, mode, start, first, rig.server.counters().loginsAttempted(), rig.server.counters().otpSteps());
        }
    }

    private static Observation observe(Rig rig, TestClient client, URI api, String oldToken) {
        long started = System.nanoTime();
        try {
            Reply reply = client.send(Req.get(api));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (reply.status() != 200) {
                return new Observation("HTTP " + reply.status(), elapsed, null);
            }
            List<String> seen = rig.server.counters().authorizationHeadersSeen();
            String used = seen.get(seen.size() - 1);
            return new Observation(used.equals(oldToken) ? "old token" : "new token", elapsed, null);
        } catch (TokenUnavailableException e) {
            SuiteEvidence.exception(e);
            return new Observation(e.getCause().getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - started),
                    e.getCause());
        } catch (Exception e) {
            SuiteEvidence.exception(e);
            return new Observation("unexpected " + e, Duration.ofNanos(System.nanoTime() - started), e);
        }
    }

    private static String expectedOutcome(LoginFault fault, Start start) {
        if (fault.error == null) {
            return "new token";
        }
        return start == Start.VALID ? "old token" : fault.error.getSimpleName();
    }

    private static String key(LoginFault fault, Mode mode, Start start) {
        return fault + "/" + mode + "/" + start;
    }

    @AfterAll
    void writeTable() {
        StringBuilder md = new StringBuilder();
        md.append("Each cell: outcome of the first request after the fault appeared · its time · login attempts for it "
                + "and three more requests at the same instant (MFA rows: password steps + one-time code steps). "
                + "\"old token\": served by the still-valid token; \"new token\": a successful login. "
                + "Login timeouts " + TIMEOUT.toMillis() + " ms; wait for the next TOTP step on the test clock.\n\n");
        md.append("| login fault | client |");
        for (Start start : Start.values()) {
            md.append(' ').append(start.label).append(" |");
        }
        md.append("\n|---|---|");
        md.append("---|".repeat(Start.values().length)).append('\n');
        for (LoginFault fault : LoginFault.values()) {
            for (Mode mode : Mode.values()) {
                md.append("| ").append(fault.label).append(" | ").append(mode.label).append(" |");
                for (Start start : Start.values()) {
                    Cell cell = cells.get(key(fault, mode, start));
                    md.append(' ').append(cell == null ? "(not run)" : cell.render()).append(" |");
                }
                md.append('\n');
            }
        }
        Reports.write("fault-matrix.md", md.toString());
    }
}
