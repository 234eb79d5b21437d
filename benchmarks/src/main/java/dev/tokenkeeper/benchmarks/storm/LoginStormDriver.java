package dev.tokenkeeper.benchmarks.storm;

import dev.tokenkeeper.benchmarks.driver.Options;
import dev.tokenkeeper.benchmarks.driver.Report;
import dev.tokenkeeper.benchmarks.driver.TestkitLogin;
import dev.tokenkeeper.core.TokenSourceStats;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.LoginStep;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Figure 4: login storms. N callers (256 by default) released at once by a gate:
 * <ul>
 *   <li><b>cold start</b>: nobody has a token yet; exactly one login must serve them all;</li>
 *   <li><b>revoke</b>: every caller holds a token the server has just revoked; each gets a 401, the token is
 *       invalidated once (compare-and-invalidate), one login, every request is replayed once.</li>
 * </ul>
 * Measured on the token source alone, through a classic client (N threads) and through an async client
 * (N requests in flight from one thread). Reports logins, the most logins the server saw at the same
 * time, requests that waited, and the time from the gate until the last caller was served, per repetition.
 */
public final class LoginStormDriver {

    private final int callers;
    private final int repetitions;
    private final Duration loginDelay;

    private LoginStormDriver(Options options) {
        callers = options.integer("callers", 256, 1, 1024);
        repetitions = options.integer("repetitions", 5, 1, 50);
        loginDelay = options.duration("login-delay", Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoginStormDriver driver = new LoginStormDriver(options);
        String json = options.string("json", null);
        options.rejectUnknown();
        driver.run(json == null ? null : Path.of(json));
    }

    /** One storm's outcome. */
    private record Storm(String scenario, int repetition, long served, long failed, double allServedMillis,
                         double medianMillis, long logins, int maxConcurrentLogins, long waits, long replays,
                         Map<String, Long> failures) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", scenario);
            m.put("repetition", repetition);
            m.put("callersServed", served);
            m.put("callersFailed", failed);
            m.put("allServedMillis", allServedMillis);
            m.put("medianCallerMillis", medianMillis);
            m.put("logins", logins);
            m.put("maxConcurrentLogins", maxConcurrentLogins);
            m.put("waits", waits);
            m.put("replays", replays);
            m.put("failures", failures);
            return m;
        }
    }

    private void run(Path jsonFile) throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("callers", callers);
        parameters.put("repetitions", repetitions);
        parameters.put("loginDelayMillis", loginDelay.toMillis());
        Report report = new Report("storm", "Login storm: " + callers + " concurrent callers, "
                + (loginDelay.isZero() ? "no added login delay" : loginDelay.toMillis() + " ms login delay"),
                List.of("scenario", "rep", "served", "failed", "all served ms", "median ms", "logins",
                        "max concurrent logins", "waits", "replays"),
                parameters);

        // One unreported round first: the JIT, class loading and the first connections would otherwise be
        // charged to the first repetition (a JVM start is not what "cold start" measures; no token is).
        tokenSourceColdStart(0);
        classic(0);
        async(0);
        List<Storm> storms = new ArrayList<>();
        for (int rep = 1; rep <= repetitions; rep++) {
            storms.add(tokenSourceColdStart(rep));
            storms.addAll(classic(rep));
            storms.addAll(async(rep));
        }
        storms.sort((a, b) -> a.scenario().compareTo(b.scenario()) != 0 ? order(a) - order(b) : a.repetition() - b.repetition());
        List<Map<String, Object>> json = new ArrayList<>();
        for (Storm s : storms) {
            report.row(s.scenario(), s.repetition(), s.served(), s.failed(), s.allServedMillis(), s.medianMillis(),
                    s.logins(), s.maxConcurrentLogins(), s.waits(), s.replays());
            if (!s.failures().isEmpty()) {
                report.note(s.scenario() + " rep " + s.repetition() + " failures: " + s.failures());
            }
            json.add(s.json());
        }
        report.put("storms", json);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String scenario : SCENARIOS) {
            List<Storm> of = storms.stream().filter(s -> s.scenario().equals(scenario)).toList();
            if (of.isEmpty()) {
                continue;
            }
            double[] times = of.stream().mapToDouble(Storm::allServedMillis).sorted().toArray();
            long maxLogins = of.stream().mapToLong(Storm::logins).max().orElse(0);
            long failed = of.stream().mapToLong(Storm::failed).sum();
            summary.put(scenario, Map.of("medianAllServedMillis", times[times.length / 2],
                    "maxAllServedMillis", times[times.length - 1], "maxLoginsPerStorm", maxLogins, "failedCallers", failed));
            report.note(String.format(Locale.ROOT, "%-22s logins per storm: max %d (target 1); all %d callers served in "
                    + "median %.1f ms, worst %.1f ms; %d failed", scenario, maxLogins, callers, times[times.length / 2],
                    times[times.length - 1], failed));
        }
        report.put("summary", summary);
        report.print(System.out, jsonFile);
    }

    private static final List<String> SCENARIOS = List.of("token source cold start", "classic cold start",
            "classic revoke", "async cold start", "async revoke");

    private static int order(Storm s) {
        return SCENARIOS.indexOf(s.scenario());
    }

    private Storm tokenSourceColdStart(int rep) throws Exception {
        try (TestkitLogin login = TestkitLogin.start(Duration.ofHours(1))) {
            slowNextLogin(login);
            long[] done = new long[callers];
            Failures failures = new Failures();
            long gateOpened = gate(callers, i -> {
                try {
                    login.tokenSource().current();
                } catch (RuntimeException e) {
                    failures.error(e);
                }
            }, done);
            TokenSourceStats stats = login.tokenSource().stats();
            return storm("token source cold start", rep, done, gateOpened, failures, login, stats.waits(), 0);
        }
    }

    private List<Storm> classic(int rep) throws Exception {
        try (TestkitLogin login = TestkitLogin.start(Duration.ofHours(1))) {
            TokenKeeper keeper = login.keeper();
            URI target = login.server().apiUrl("/api/echo/storm");
            try (CloseableHttpClient client = keeper.configure(HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(callers).setMaxConnPerRoute(callers)
                            .setDefaultConnectionConfig(connectionConfig()).build())
                    .setDefaultRequestConfig(requestConfig())
                    .disableAutomaticRetries()).build()) {
                List<Storm> result = new ArrayList<>();
                for (String scenario : List.of("classic cold start", "classic revoke")) {
                    if (scenario.endsWith("revoke")) {
                        login.server().revokeAllTokens();
                    }
                    slowNextLogin(login);
                    login.server().resetCounters();
                    TokenSourceStats before = login.tokenSource().stats();
                    long replaysBefore = keeper.stats().replays();
                    long[] done = new long[callers];
                    Failures failures = new Failures();
                    long gateOpened = gate(callers, i -> {
                        try {
                            failures.status(client.execute(new HttpGet(target), response -> {
                                EntityUtils.consume(response.getEntity());
                                return response.getCode();
                            }));
                        } catch (Exception e) {
                            failures.error(e);
                        }
                    }, done);
                    result.add(storm(scenario, rep, done, gateOpened, failures, login,
                            login.tokenSource().stats().waits() - before.waits(), keeper.stats().replays() - replaysBefore));
                }
                return result;
            }
        }
    }

    private List<Storm> async(int rep) throws Exception {
        try (TestkitLogin login = TestkitLogin.start(Duration.ofHours(1))) {
            TokenKeeper keeper = login.keeper();
            URI target = login.server().apiUrl("/api/echo/storm");
            try (CloseableHttpAsyncClient client = keeper.configure(HttpAsyncClients.custom()
                    .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(callers).setMaxConnPerRoute(callers)
                            .setDefaultConnectionConfig(connectionConfig()).build())
                    .setDefaultRequestConfig(requestConfig())
                    .disableAutomaticRetries()).build()) {
                client.start();
                List<Storm> result = new ArrayList<>();
                for (String scenario : List.of("async cold start", "async revoke")) {
                    if (scenario.endsWith("revoke")) {
                        login.server().revokeAllTokens();
                    }
                    slowNextLogin(login);
                    login.server().resetCounters();
                    TokenSourceStats before = login.tokenSource().stats();
                    long replaysBefore = keeper.stats().replays();
                    long[] done = new long[callers];
                    Failures failures = new Failures();
                    List<CompletableFuture<Void>> all = new ArrayList<>();
                    long gateOpened = System.nanoTime();
                    for (int i = 0; i < callers; i++) {
                        int caller = i;
                        CompletableFuture<Void> finished = new CompletableFuture<>();
                        all.add(finished);
                        client.execute(SimpleRequestBuilder.get(target).build(), new FutureCallback<SimpleHttpResponse>() {
                            @Override
                            public void completed(SimpleHttpResponse response) {
                                done[caller] = System.nanoTime();
                                failures.status(response.getCode());
                                finished.complete(null);
                            }

                            @Override
                            public void failed(Exception e) {
                                done[caller] = System.nanoTime();
                                failures.error(e);
                                finished.complete(null);
                            }

                            @Override
                            public void cancelled() {
                                failed(new IllegalStateException("cancelled"));
                            }
                        });
                    }
                    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                    result.add(storm(scenario, rep, done, gateOpened, failures, login,
                            login.tokenSource().stats().waits() - before.waits(), keeper.stats().replays() - replaysBefore));
                }
                return result;
            }
        }
    }

    /** Callers that were not answered 200, by what they got instead. */
    private static final class Failures {
        private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

        void status(int code) {
            if (code != 200) {
                byKind.computeIfAbsent("HTTP " + code, k -> new LongAdder()).increment();
            }
        }

        void error(Throwable e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String kind = e.getClass().getSimpleName() + (cause != e ? " (" + cause.getClass().getSimpleName() + ")" : "");
            byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        long total() {
            return byKind.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> m = new TreeMap<>();
            byKind.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }

    private void slowNextLogin(TestkitLogin login) {
        if (!loginDelay.isZero()) {
            login.server().injectFault(LoginStep.PASSWORD, Fault.slow(loginDelay), 1);
        }
    }

    /** A caller's work. */
    @FunctionalInterface
    private interface Caller {
        void call(int index) throws Exception;
    }

    /**
     * Starts {@code n} threads, waits until all are parked at the gate, opens it and waits for all to
     * finish; {@code done[i]} receives caller i's finish time. Returns the moment the gate opened.
     */
    private static long gate(int n, Caller caller, long[] done) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch open = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    open.await();
                    caller.call(index);
                } catch (Exception e) {
                    // counted by the caller as a failure where it matters
                } finally {
                    done[index] = System.nanoTime();
                    finished.countDown();
                }
            }, "storm-" + i);
            t.setDaemon(true);
            t.start();
        }
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("storm threads did not start within 30 s");
        }
        long opened = System.nanoTime();
        open.countDown();
        if (!finished.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("storm callers not served within 60 s");
        }
        return opened;
    }

    private Storm storm(String scenario, int rep, long[] done, long gateOpened, Failures failures, TestkitLogin login,
                        long waits, long replays) {
        double[] millis = Arrays.stream(done).mapToDouble(t -> (t - gateOpened) / 1e6).sorted().toArray();
        long failed = failures.total();
        return new Storm(scenario, rep, done.length - failed, failed, millis[millis.length - 1], millis[millis.length / 2],
                login.server().counters().loginsAttempted(), login.server().counters().maxConcurrentLogins(), waits, replays,
                failures.snapshot());
    }

    private static ConnectionConfig connectionConfig() {
        return ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10)).setSocketTimeout(Timeout.ofSeconds(30)).build();
    }

    private static RequestConfig requestConfig() {
        return RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build();
    }
}
