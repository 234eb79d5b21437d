package dev.tokenkeeper.benchmarks.refresh;

import dev.tokenkeeper.benchmarks.driver.Latencies;
import dev.tokenkeeper.benchmarks.driver.Options;
import dev.tokenkeeper.benchmarks.driver.Report;
import dev.tokenkeeper.benchmarks.driver.TestkitLogin;
import dev.tokenkeeper.core.TokenSourceStats;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.TokenKeeperStats;
import dev.tokenkeeper.testkit.ApiOutcome;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Figure 3: refresh under load. T threads call the testkit's protected API through a classic client with
 * tokenkeeper for a fixed time, once with tokens that outlive the run ("never expiring") and once with
 * tokens that live 2 s, and compare:
 * <ul>
 *   <li>logins made against token generations (distinct tokens that reached the server): equal when no
 *       login was wasted, at most one login per generation;</li>
 *   <li>requests that waited for a login ({@code TokenSource.stats().waits()}): 0 while the identity
 *       server is healthy;</li>
 *   <li>p50/p99/max latency of the short-token run against the never-expiring run: p99 within 1.2×.</li>
 * </ul>
 * After one unreported JVM warm-up run, the runs alternate (never, short; short, never; …), each with a
 * fresh identity server and token source, a warm-up whose requests are not counted, and counters read
 * over the measured window only.
 */
public final class RefreshUnderLoadDriver {

    private final int threads;
    private final Duration runTime;
    private final Duration warmup;
    private final Duration shortLifetime;
    private final int rounds;
    private final int rate;

    private RefreshUnderLoadDriver(Options options) {
        threads = options.integer("threads", 8, 1, 128);
        runTime = options.duration("seconds", Duration.ofSeconds(20), Duration.ofMillis(500), Duration.ofSeconds(120));
        warmup = options.duration("warmup", Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(60));
        shortLifetime = options.duration("lifetime", Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(60));
        rounds = options.integer("rounds", 4, 1, 10);
        rate = options.integer("rate", 0, 0, 100_000);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        RefreshUnderLoadDriver driver = new RefreshUnderLoadDriver(options);
        String json = options.string("json", null);
        options.rejectUnknown();
        driver.run(json == null ? null : Path.of(json));
    }

    /** What one measured run produced. */
    private record RunResult(String tokens, long requests, double seconds, long failed, List<Latencies> perThread,
                             Latencies.Summary latency,
                             long serverLogins, long clientLogins, long refreshes, long waits, long generations,
                             long replays, int maxConcurrentLogins, long apiRefused) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tokens", tokens);
            m.put("requests", requests);
            m.put("seconds", seconds);
            m.put("requestsPerSecond", requests / seconds);
            m.put("failedRequests", failed);
            m.put("p50Micros", latency.percentileMicros(50));
            m.put("p99Micros", latency.percentileMicros(99));
            m.put("p999Micros", latency.percentileMicros(99.9));
            m.put("maxMicros", latency.maxMicros());
            m.put("loginsSeenByServer", serverLogins);
            m.put("loginsByTokenSource", clientLogins);
            m.put("proactiveRefreshes", refreshes);
            m.put("tokenGenerations", generations);
            m.put("requestsThatWaitedForLogin", waits);
            m.put("replaysAfter401", replays);
            m.put("maxConcurrentLogins", maxConcurrentLogins);
            m.put("apiCallsRefusedByServer", apiRefused);
            return m;
        }
    }

    private void run(Path jsonFile) throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("threads", threads);
        parameters.put("secondsPerRun", runTime.toMillis() / 1000.0);
        parameters.put("warmupSeconds", warmup.toMillis() / 1000.0);
        parameters.put("shortTokenLifetimeSeconds", shortLifetime.toMillis() / 1000.0);
        parameters.put("rounds", rounds);
        parameters.put("targetRequestsPerSecond", rate == 0 ? "closed loop, as fast as the threads go" : rate);
        Report report = new Report("refresh", "Refresh under load: " + threads + " threads, "
                + runTime.toSeconds() + " s per run, " + shortLifetime.toMillis() / 1000.0 + " s tokens vs. never-expiring",
                List.of("tokens", "round", "req/s", "p50 µs", "p99 µs", "max µs", "logins", "generations",
                        "refreshes", "waits", "failed", "replays"),
                parameters);

        Duration never = Duration.ofHours(1);
        List<Map<String, Object>> runs = new ArrayList<>();
        List<RunResult> neverRuns = new ArrayList<>();
        List<RunResult> shortRuns = new ArrayList<>();
        String shortLabel = shortLifetime.toMillis() / 1000.0 + " s";
        if (!warmup.isZero()) {
            measure("JVM warm-up", never, warmup); // JIT and classes, so the first measured run is not penalised
        }
        for (int round = 1; round <= rounds; round++) {
            // Alternating order (N S, S N, …): drift in the machine's load hits both kinds of run alike.
            boolean neverFirst = round % 2 == 1;
            RunResult first = neverFirst ? measure("never-expiring", never, runTime) : measure(shortLabel, shortLifetime, runTime);
            RunResult second = neverFirst ? measure(shortLabel, shortLifetime, runTime) : measure("never-expiring", never, runTime);
            RunResult n = neverFirst ? first : second;
            RunResult s = neverFirst ? second : first;
            for (RunResult r : List.of(first, second)) {
                report.row(r.tokens(), round, r.requests() / r.seconds(), r.latency().percentileMicros(50),
                        r.latency().percentileMicros(99), r.latency().maxMicros(), r.serverLogins(), r.generations(),
                        r.refreshes(), r.waits(), r.failed(), r.replays());
                Map<String, Object> m = r.json();
                m.put("round", round);
                runs.add(m);
            }
            neverRuns.add(n);
            shortRuns.add(s);
        }
        // Every request of every run of a kind, pooled: one percentile over all of them, not an average of percentiles.
        Latencies.Summary shortPooled = pooled(shortRuns);
        Latencies.Summary neverPooled = pooled(neverRuns);
        double p50Ratio = shortPooled.percentileMicros(50) / neverPooled.percentileMicros(50);
        double p99Ratio = shortPooled.percentileMicros(99) / neverPooled.percentileMicros(99);
        double maxRatio = shortPooled.maxMicros() / neverPooled.maxMicros();
        List<Double> roundP99Ratios = new ArrayList<>();
        for (int i = 0; i < shortRuns.size(); i++) {
            roundP99Ratios.add(shortRuns.get(i).latency().percentileMicros(99) / neverRuns.get(i).latency().percentileMicros(99));
        }
        long waits = shortRuns.stream().mapToLong(RunResult::waits).sum();
        long logins = shortRuns.stream().mapToLong(RunResult::serverLogins).sum();
        long generations = shortRuns.stream().mapToLong(RunResult::generations).sum();
        long failed = shortRuns.stream().mapToLong(RunResult::failed).sum() + neverRuns.stream().mapToLong(RunResult::failed).sum();

        report.note(String.format(Locale.ROOT, "all requests pooled per kind: never-expiring p50/p99/max %.0f/%.0f/%.0f µs, "
                + "%s tokens %.0f/%.0f/%.0f µs", neverPooled.percentileMicros(50), neverPooled.percentileMicros(99),
                neverPooled.maxMicros(), shortLabel, shortPooled.percentileMicros(50), shortPooled.percentileMicros(99),
                shortPooled.maxMicros()));
        report.note(String.format(Locale.ROOT, "short-token vs. never-expiring: p50 %.2f×, p99 %.2f× (target <= 1.2×), max %.2f×; "
                + "p99 ratio per round %s", p50Ratio, p99Ratio, maxRatio,
                roundP99Ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()));
        report.note("short-token runs: " + logins + " logins for " + generations + " token generations (target: equal); "
                + waits + " requests waited for a login (target: 0); " + failed + " requests failed in all runs");
        report.put("runs", runs);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("p50Ratio", p50Ratio);
        summary.put("p99Ratio", p99Ratio);
        summary.put("maxRatio", maxRatio);
        summary.put("p99RatioPerRound", roundP99Ratios);
        summary.put("neverExpiringPooledMicros", Map.of("p50", neverPooled.percentileMicros(50),
                "p99", neverPooled.percentileMicros(99), "max", neverPooled.maxMicros()));
        summary.put("shortTokenPooledMicros", Map.of("p50", shortPooled.percentileMicros(50),
                "p99", shortPooled.percentileMicros(99), "max", shortPooled.maxMicros()));
        summary.put("shortTokenLogins", logins);
        summary.put("shortTokenGenerations", generations);
        summary.put("shortTokenWaits", waits);
        summary.put("failedRequests", failed);
        report.put("summary", summary);
        report.print(System.out, jsonFile);
    }

    private static Latencies.Summary pooled(List<RunResult> runs) {
        List<Latencies> all = new ArrayList<>();
        runs.forEach(r -> all.addAll(r.perThread()));
        return Latencies.summarize(all);
    }

    private RunResult measure(String label, Duration lifetime, Duration measuredTime) throws Exception {
        try (TestkitLogin login = TestkitLogin.start(lifetime)) {
            URI target = login.server().apiUrl("/api/status/200");
            TokenKeeper keeper = login.keeper();
            GenerationCounter generations = new GenerationCounter();
            try (CloseableHttpClient client = keeper.configure(builder(generations)).build()) {
                login.tokenSource().current(); // the cold-start login happens before measuring

                Load load = new Load(client, target);
                load.runFor(warmup, null);

                TokenSourceStats before = login.tokenSource().stats();
                TokenKeeperStats keeperBefore = keeper.stats();
                login.server().resetCounters();
                generations.startWindow();

                List<Latencies> perThread = new ArrayList<>();
                long start = System.nanoTime();
                long failed = load.runFor(measuredTime, perThread);
                double seconds = (System.nanoTime() - start) / 1e9;

                TokenSourceStats after = login.tokenSource().stats();
                Latencies.Summary latency = Latencies.summarize(perThread);
                return new RunResult(label, latency.count(), seconds, failed, perThread, latency,
                        login.server().counters().loginsSucceeded(),
                        after.logins() - before.logins(), after.refreshes() - before.refreshes(),
                        after.waits() - before.waits(), generations.newInWindow(),
                        keeper.stats().replays() - keeperBefore.replays(),
                        login.server().counters().maxConcurrentLogins(), refused(login));
            }
        }
    }

    private static int refused(TestkitLogin login) {
        int refused = 0;
        for (ApiOutcome outcome : ApiOutcome.values()) {
            if (outcome != ApiOutcome.OK) {
                refused += login.server().counters().apiCalls(outcome);
            }
        }
        return refused;
    }

    private HttpClientBuilder builder(GenerationCounter generations) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(threads).setMaxConnPerRoute(threads)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                // Runs after tokenkeeper's handler, on the request as it is sent: sees which token went out.
                .addRequestInterceptorLast((request, entity, context) -> generations.sent(request.getFirstHeader(HttpHeaders.AUTHORIZATION)))
                .disableAutomaticRetries();
    }

    /**
     * Counts the token generations sent in the measured window: distinct tokens, not counting the one
     * already in use when the window opened (its login happened before). A token's header value is one
     * precomputed string, so comparing references with the last one seen finds a new generation without
     * hashing on every request.
     */
    private static final class GenerationCounter {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private volatile String last;
        private int inUseAtStart;

        void sent(Header authorization) {
            String value = authorization == null ? null : authorization.getValue();
            if (value != null && value != last) {
                last = value;
                seen.add(value);
            }
        }

        /** Forgets everything but the token in use now. */
        void startWindow() {
            String current = last;
            seen.clear();
            inUseAtStart = 0;
            if (current != null) {
                seen.add(current);
                inUseAtStart = 1;
            }
        }

        long newInWindow() {
            return seen.size() - inUseAtStart;
        }
    }

    /** T threads calling the API in a closed loop, or paced to {@code rate} requests per second in all. */
    private final class Load {
        private final CloseableHttpClient client;
        private final URI target;

        Load(CloseableHttpClient client, URI target) {
            this.client = client;
            this.target = target;
        }

        /** Runs for {@code time}; adds each thread's latencies to {@code perThread} when not null; returns failures. */
        long runFor(Duration time, List<Latencies> perThread) throws InterruptedException {
            AtomicBoolean stop = new AtomicBoolean();
            LongAdder failed = new LongAdder();
            CountDownLatch done = new CountDownLatch(threads);
            List<Latencies> recorders = new ArrayList<>();
            long intervalNanos = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * threads / rate;
            long start = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                Latencies latencies = new Latencies();
                recorders.add(latencies);
                long offset = intervalNanos * i / threads; // spread the paced threads over one interval
                Thread worker = new Thread(() -> {
                    long next = start + offset;
                    try {
                        while (!stop.get()) {
                            long begin;
                            if (intervalNanos > 0) {
                                long now = System.nanoTime();
                                if (next > now) {
                                    LockSupport.parkNanos(next - now);
                                }
                                begin = next; // latency from the intended start: no coordinated omission
                                next += intervalNanos;
                            } else {
                                begin = System.nanoTime();
                            }
                            int status = client.execute(new HttpGet(target), response -> {
                                EntityUtils.consume(response.getEntity());
                                return response.getCode();
                            });
                            latencies.record(System.nanoTime() - begin);
                            if (status != 200) {
                                failed.increment();
                            }
                        }
                    } catch (Exception e) {
                        failed.increment();
                        System.err.println("worker failed: " + e);
                    } finally {
                        done.countDown();
                    }
                }, "load-" + i);
                worker.setDaemon(true);
                worker.start();
            }
            Thread.sleep(time.toMillis());
            stop.set(true);
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("load threads did not stop within 30 s");
            }
            if (perThread != null) {
                perThread.addAll(recorders);
            }
            return failed.sum();
        }
    }
}
