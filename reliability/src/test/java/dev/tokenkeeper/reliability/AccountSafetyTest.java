package dev.tokenkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.TokenUnavailableException;
import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.reliability.support.PacedLoad;
import dev.tokenkeeper.reliability.support.Reports;
import dev.tokenkeeper.reliability.support.Rig;
import dev.tokenkeeper.reliability.support.SuiteEvidence;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Account safety: a wrong password hammered by 64 threads (32 on a classic client, 32 on an async one,
 * one keeper) on the real clock. However many requests ask, the identity service sees at most one login
 * per credentials cool-down: consecutive password steps arrive at least a cool-down apart, as the server
 * measures them. Every request fails at once with the typed error. A short run in every build (2 s
 * cool-down), the 60 s run with {@code -Psoak}.
 */
class AccountSafetyTest {

    static final int THREADS = 64;
    static final Duration COOLDOWN = Duration.ofSeconds(2);
    static final String WRONG_PASSWORD = "not-the-password-of-the-api-user";

    @Test
    @Timeout(120)
    void aWrongPasswordUnder64ThreadsIsTriedAtMostOncePerCooldown() throws Exception {
        check(hammer(Duration.ofSeconds(Long.getLong("account.short.seconds", 8))));
    }

    @Test
    @Tag("soak")
    @Timeout(900)
    void aWrongPasswordUnder64ThreadsForAMinute() throws Exception {
        check(hammer(Duration.ofSeconds(Long.getLong("soak.seconds", 60))));
    }

    record Run(Duration duration, List<Instant> attempts, long requests, Map<String, Long> outcomes, long failFasts) {
    }

    private static Run hammer(Duration duration) throws Exception {
        return SuiteEvidence.withoutHttpClientDebug(() -> hammerQuietly(duration));
    }

    private static Run hammerQuietly(Duration duration) throws Exception {
        SuiteEvidence.secret(WRONG_PASSWORD);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        try (Rig rig = Rig.start(s -> s)) {
            TokenKeeperConfig config = rig.config(false, Duration.ofMillis(800))
                    .password(SecretSource.callback("wrong test password", WRONG_PASSWORD::toCharArray))
                    .credentialsCooldown(COOLDOWN)
                    .build();
            TokenKeeper keeper = rig.keeper(config, 3);
            TestClient classic = rig.client(keeper, Way.CONFIGURED_CLASSIC);
            TestClient async = rig.client(keeper, Way.CONFIGURED_ASYNC);
            URI api = rig.server.apiUrl("/api/echo/hammer");
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hammer-timer"));
            try {
                new PacedLoad(THREADS, 100 * THREADS).run(duration, timer, thread -> {
                    String outcome;
                    try {
                        outcome = "HTTP " + (thread % 2 == 0 ? classic : async).send(Req.get(api)).status();
                    } catch (TokenUnavailableException e) {
                        outcome = e.getCause().getClass().getSimpleName();
                        if (outcomes.isEmpty()) {
                            SuiteEvidence.exception(e);
                        }
                    } catch (Exception e) {
                        outcome = e.toString();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                });
            } finally {
                timer.shutdownNow();
            }
            Map<String, Long> counted = new java.util.TreeMap<>();
            outcomes.forEach((k, v) -> counted.put(k, v.sum()));
            assertThat(rig.server.counters().protocolViolations()).isEmpty();
            SuiteEvidence.text(keeper.stats());
            return new Run(duration, rig.server.counters().loginAttemptTimes(),
                    counted.values().stream().mapToLong(Long::longValue).sum(), counted,
                    keeper.stats().tokenSource().failFasts());
        }
    }

    private static void check(Run run) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < run.attempts.size(); i++) {
            gaps.add(Duration.between(run.attempts.get(i - 1), run.attempts.get(i)).toMillis());
        }
        Reports.write("account-safety-" + run.duration.toSeconds() + "s.md", report(run, gaps));

        assertThat(run.outcomes).as("every request failed at once with the typed error")
                .containsOnlyKeys(CredentialsRejectedException.class.getSimpleName());
        assertThat(gaps).as("milliseconds between password steps").allSatisfy(gap ->
                assertThat(gap).isGreaterThanOrEqualTo(COOLDOWN.toMillis()));
        assertThat(run.attempts).as("attempts in %s with a %s cool-down", run.duration, COOLDOWN)
                .hasSizeLessThanOrEqualTo((int) (run.duration.toMillis() / COOLDOWN.toMillis()) + 1)
                .hasSizeGreaterThanOrEqualTo(2); // it does try again once the cool-down is over
        assertThat(run.requests).isGreaterThan(1_000L * run.attempts.size());
    }

    private static String report(Run run, List<Long> gaps) {
        Instant first = run.attempts.isEmpty() ? Instant.EPOCH : run.attempts.get(0);
        int windows = (int) (run.duration.toMillis() / COOLDOWN.toMillis()) + 1;
        int[] perWindow = new int[windows];
        for (Instant at : run.attempts) {
            perWindow[(int) Math.min(windows - 1, Duration.between(first, at).toMillis() / COOLDOWN.toMillis())]++;
        }
        return "| figure | value |\n|---|---|\n"
                + "| duration, threads, cool-down | " + run.duration.toSeconds() + " s, " + THREADS + " (32 classic, 32 async), "
                + COOLDOWN.toSeconds() + " s |\n"
                + "| requests (all failed with the typed error) | " + String.format("%,d", run.requests) + " " + run.outcomes + " |\n"
                + "| answered from memory (fail-fast) | " + String.format("%,d", run.failFasts) + " |\n"
                + "| password steps the server saw | " + run.attempts.size() + " |\n"
                + "| password steps per " + COOLDOWN.toSeconds() + " s window from the first | "
                + java.util.Arrays.toString(perWindow) + " |\n"
                + "| milliseconds between password steps | " + gaps + " |\n";
    }
}
