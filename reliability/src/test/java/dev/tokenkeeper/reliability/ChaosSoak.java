package dev.tokenkeeper.reliability;

import dev.tokenkeeper.core.TokenSources;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.support.ClientOptions;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.reliability.support.Heap;
import dev.tokenkeeper.reliability.support.ObservedTokenSource;
import dev.tokenkeeper.reliability.support.PacedLoad;
import dev.tokenkeeper.reliability.support.Rig;
import dev.tokenkeeper.reliability.support.SuiteEvidence;
import dev.tokenkeeper.reliability.support.ThreadCensus;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.ServerCounters;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One chaos soak: 16 threads (8 on a classic client, 8 on an async one, one keeper) sending GETs for the
 * whole run, against an identity server issuing 3 s tokens, where a seeded 30 % of login attempts meet a
 * transient fault ({@link ChaosSchedule}) and every token is revoked periodically (every 10 s in runs of
 * 30 s or more, three times in shorter ones). {@link SoakVerdicts} judges every request; heap and threads
 * are sampled once warm (a quarter into the run) and at the end.
 */
final class ChaosSoak {

    static final int THREADS = 16;
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3);
    static final Duration LOGIN_TIMEOUT = Duration.ofMillis(800);
    static final Duration API_TIMEOUT = Duration.ofSeconds(1);
    /** Requests offered per second, all threads together (see {@link PacedLoad} for why there is a bound). */
    static final int OFFERED_PER_SECOND = 1_600;
    static final double FAULT_SHARE = 0.3;

    private ChaosSoak() {
    }

    static SoakFigures run(Duration duration, long seed) throws Exception {
        return SuiteEvidence.withoutHttpClientDebug(() -> runQuietly(duration, seed));
    }

    private static SoakFigures runQuietly(Duration duration, long seed) throws Exception {
        Duration revokeEvery = duration.compareTo(Duration.ofSeconds(30)) >= 0 ? Duration.ofSeconds(10) : duration.dividedBy(3);
        Map<String, Integer> threadsBefore = ThreadCensus.take();
        Clock clock = Clock.systemUTC();
        ChaosSchedule chaos = new ChaosSchedule(seed, FAULT_SHARE, 50_000);
        Samples samples = new Samples();
        SoakVerdicts verdicts;
        ServerCounters counters;
        ObservedTokenSource observed;
        long replays;
        try (Rig rig = Rig.start(clock, s -> s.tokenLifetime(TOKEN_LIFETIME))) {
            TokenKeeperConfig config = rig.config(false, LOGIN_TIMEOUT).maxBackoff(Duration.ofSeconds(2)).build();
            observed = new ObservedTokenSource(rig.tokenSource(config, seed), clock);
            TokenKeeper keeper = rig.keeper(config, observed);
            ClientOptions options = ClientOptions.DEFAULTS.responseTimeout(API_TIMEOUT);
            TestClient classic = rig.client(keeper, Way.CONFIGURED_CLASSIC, options);
            TestClient async = rig.client(keeper, Way.CONFIGURED_ASYNC, options);
            chaos.injectInto(rig.server);
            // a request may wait for a login, be refused (401), wait for the next login and be sent again
            verdicts = new SoakVerdicts(observed, TokenSources.loginWaitBound(config).plus(API_TIMEOUT).multipliedBy(2));

            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "soak-timer"));
            try {
                timer.scheduleAtFixedRate(() -> {
                    rig.server.revokeAllTokens();
                    observed.serverRevokedAll();
                    verdicts.revoked();
                }, revokeEvery.toMillis(), revokeEvery.toMillis(), TimeUnit.MILLISECONDS);
                Future<?> warm = timer.schedule(() -> samples.take(rig, true), duration.toMillis() / 4, TimeUnit.MILLISECONDS);
                URI api = rig.server.apiUrl("/api/echo/soak");
                new PacedLoad(THREADS, OFFERED_PER_SECOND).run(duration, timer,
                        thread -> verdicts.request(thread % 2 == 0 ? classic : async, api));
                warm.get(10, TimeUnit.SECONDS);
            } finally {
                timer.shutdownNow();
            }
            samples.take(rig, false);
            counters = rig.server.counters();
            replays = keeper.stats().replays();
            SuiteEvidence.text(keeper);
            SuiteEvidence.text(keeper.stats());
        }
        Map<String, Integer> threadsAfterClose = ThreadCensus.settle(threadsBefore);
        return new SoakFigures(duration, seed, revokeEvery, verdicts.requests.sum(), verdicts.ok.sum(),
                verdicts.availability(duration), verdicts.timeline(duration), verdicts.typedFailures(),
                verdicts.revoked401.sum(), verdicts.violations, verdicts.violationCount.get(),
                verdicts.revocations.stream().map(at -> at - verdicts.startedAt).toList(),
                counters.loginsAttempted(), counters.loginsSucceeded(), chaos.met(counters.loginsAttempted()),
                replays, observed.tokensHandedOut(), observed.handedOutExpired(),
                counters.apiCalls(ApiOutcome.OK), counters.apiCalls(ApiOutcome.REVOKED_TOKEN),
                counters.apiCalls(ApiOutcome.EXPIRED_TOKEN),
                Duration.ofNanos(verdicts.maxNanos.get()), verdicts.p99(), verdicts.bound,
                threadsBefore, samples.threadsWarm, samples.threadsEnd, threadsAfterClose, samples.heapWarm, samples.heapEnd,
                counters.protocolViolations());
    }

    /** Heap (after GC, without the server's recorded headers) and threads, once warm and at the end. */
    private static final class Samples {
        volatile long heapWarm;
        volatile long heapEnd;
        volatile Map<String, Integer> threadsWarm = Map.of();
        volatile Map<String, Integer> threadsEnd = Map.of();

        void take(Rig rig, boolean warm) {
            rig.server.forgetAuthorizationHeaders();
            long heap = Heap.usedAfterGc();
            Map<String, Integer> threads = ThreadCensus.take();
            if (warm) {
                heapWarm = heap;
                threadsWarm = threads;
            } else {
                heapEnd = heap;
                threadsEnd = threads;
            }
        }
    }
}
