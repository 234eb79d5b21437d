package dev.tokenkeeper.benchmarks.loopback;

import dev.tokenkeeper.benchmarks.driver.Options;
import dev.tokenkeeper.benchmarks.driver.Report;
import dev.tokenkeeper.benchmarks.driver.TestkitLogin;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Figure 2: requests per second through a real HttpClient 5 client on loopback, with tokenkeeper
 * configured on the builder against the same client whose caller sets a constant {@code Authorization}
 * header, in alternating runs (A B, B A, …, so drift in the machine's load hits both alike). Reports each
 * run and the ratio tokenkeeper / constant over all runs. Target: at least 0.97.
 *
 * <p>The token is valid for the whole run (one login before measuring), so this measures the per-request
 * cost of the exec chain handler, scope check included, and nothing of the login.
 */
public final class LoopbackDriver {

    private enum Variant { CONSTANT, TOKENKEEPER }

    private final int threads;
    private final int concurrency;
    private final Duration runTime;
    private final Duration warmup;
    private final int rounds;
    private final String clients;
    /** A/A check: the "tokenkeeper" side is a second plain client with the constant header, to show the noise. */
    private final boolean aa;

    private LoopbackDriver(Options options) {
        threads = options.integer("threads", 4, 1, 64);
        concurrency = options.integer("concurrency", 16, 1, 256);
        runTime = options.duration("seconds", Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(60));
        warmup = options.duration("warmup", Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(60));
        rounds = options.integer("rounds", 10, 1, 40);
        clients = options.string("client", "both");
        aa = options.flag("aa", false);
        if (!List.of("classic", "async", "both").contains(clients)) {
            throw new IllegalArgumentException("--client must be classic, async or both, got " + clients);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoopbackDriver driver = new LoopbackDriver(options);
        String json = options.string("json", null);
        options.rejectUnknown();
        driver.run(json == null ? null : Path.of(json));
    }

    private void run(Path jsonFile) throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("classicThreads", threads);
        parameters.put("asyncConcurrency", concurrency);
        parameters.put("secondsPerRun", runTime.toMillis() / 1000.0);
        parameters.put("warmupSecondsPerVariant", warmup.toMillis() / 1000.0);
        parameters.put("rounds", rounds);
        parameters.put("client", clients);
        parameters.put("aaCheck", aa);
        Report report = new Report("loopback", aa
                ? "A/A CHECK on loopback: two identical constant-header clients (the 'tokenkeeper' column is the second one)"
                : "End to end on loopback: requests/s, tokenkeeper vs. constant header",
                List.of("client", "round", "order", "constant req/s", "tokenkeeper req/s", "ratio",
                        "constant CPU µs/req", "tokenkeeper CPU µs/req", "CPU ratio"), parameters);

        try (PlainServer server = new PlainServer();
             TestkitLogin login = TestkitLogin.start(Duration.ofHours(1), List.of(server.authority()))) {
            URI target = server.uri("/api/items/42");
            TokenKeeper keeper = login.keeper();
            String constantHeader = login.tokenSource().current().authorizationHeaderValue();

            Map<String, Object> results = new LinkedHashMap<>();
            if (!clients.equals("async")) {
                try (CloseableHttpClient plain = classicBuilder().build();
                     CloseableHttpClient kept = aa ? classicBuilder().build() : keeper.configure(classicBuilder()).build()) {
                    results.put("classic", compare(report, "classic", (v, time) -> classicRun(
                            v == Variant.TOKENKEEPER ? kept : plain, target, v == Variant.TOKENKEEPER && !aa ? null : constantHeader, time)));
                }
            }
            if (!clients.equals("classic")) {
                try (CloseableHttpAsyncClient plain = asyncBuilder().build();
                     CloseableHttpAsyncClient kept = aa ? asyncBuilder().build() : keeper.configure(asyncBuilder()).build()) {
                    plain.start();
                    kept.start();
                    results.put("async", compare(report, "async", (v, time) -> asyncRun(
                            v == Variant.TOKENKEEPER ? kept : plain, target, v == Variant.TOKENKEEPER && !aa ? null : constantHeader, time)));
                }
            }
            report.put("results", results);
            report.put("serverRequests", server.requests());
            report.put("serverRequestsWithoutAuthorization", server.withoutAuthorization());
            report.put("tokenkeeper", keeper.stats());
            report.note("ratio = tokenkeeper req/s / constant-header req/s; CPU ratio = constant CPU per request / tokenkeeper "
                    + "CPU per request (process CPU: client and server); 1.0 = no cost, below 1 = tokenkeeper costs more.");
            report.note("requests that reached the server without Authorization: " + server.withoutAuthorization()
                    + " (must be 0); tokenkeeper logins: " + keeper.stats().tokenSource().logins() + " (1 expected)");
        }
        report.print(System.out, jsonFile);
    }

    private Map<String, Object> compare(Report report, String client, RunFor runFor) throws Exception {
        // Warm-up: both variants, untimed for the result, so JIT and connection pools are ready for each.
        if (!warmup.isZero()) {
            runFor.run(Variant.CONSTANT, warmup);
            runFor.run(Variant.TOKENKEEPER, warmup);
        }
        Measured constantTotal = Measured.NONE;
        Measured keeperTotal = Measured.NONE;
        List<Double> ratios = new ArrayList<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean constantFirst = round % 2 == 1;
            Measured constant;
            Measured kept;
            if (constantFirst) {
                constant = runFor.run(Variant.CONSTANT, runTime);
                kept = runFor.run(Variant.TOKENKEEPER, runTime);
            } else {
                kept = runFor.run(Variant.TOKENKEEPER, runTime);
                constant = runFor.run(Variant.CONSTANT, runTime);
            }
            constantTotal = constantTotal.plus(constant);
            keeperTotal = keeperTotal.plus(kept);
            double ratio = kept.requestsPerSecond() / constant.requestsPerSecond();
            ratios.add(ratio);
            String order = constantFirst ? "C,T" : "T,C";
            report.row(client, round, order, constant.requestsPerSecond(), kept.requestsPerSecond(), ratio,
                    constant.cpuMicrosPerRequest(), kept.cpuMicrosPerRequest(),
                    constant.cpuMicrosPerRequest() / kept.cpuMicrosPerRequest());
            runs.add(Map.of("round", round, "order", order, "constant", constant.json(), "tokenkeeper", kept.json(),
                    "ratio", ratio));
        }
        double ratio = keeperTotal.requestsPerSecond() / constantTotal.requestsPerSecond();
        double cpuRatio = constantTotal.cpuMicrosPerRequest() / keeperTotal.cpuMicrosPerRequest();
        ratios.sort(null);
        double median = ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
                : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
        report.row(client, "all", "", constantTotal.requestsPerSecond(), keeperTotal.requestsPerSecond(), ratio,
                constantTotal.cpuMicrosPerRequest(), keeperTotal.cpuMicrosPerRequest(), cpuRatio);
        report.note(String.format(Locale.ROOT, "%s: throughput ratio over all runs %.3f, median of rounds %.3f (target >= 0.97); "
                + "CPU per request ratio %.3f", client, ratio, median, cpuRatio));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs);
        out.put("constant", constantTotal.json());
        out.put("tokenkeeper", keeperTotal.json());
        out.put("ratio", ratio);
        out.put("medianRoundRatio", median);
        out.put("cpuPerRequestRatio", cpuRatio);
        return out;
    }

    /**
     * What a run (or a sum of runs) did: requests completed, wall time and this process's CPU time (the
     * server runs in the same JVM). CPU per request is far less disturbed by other processes on the
     * machine than requests per second, which also measure how much of the CPU this process was given.
     */
    private record Measured(long requests, long wallNanos, long cpuNanos) {
        static final Measured NONE = new Measured(0, 0, 0);

        Measured plus(Measured other) {
            return new Measured(requests + other.requests, wallNanos + other.wallNanos, cpuNanos + other.cpuNanos);
        }

        double requestsPerSecond() {
            return requests * 1e9 / wallNanos;
        }

        double cpuMicrosPerRequest() {
            return cpuNanos / 1e3 / requests;
        }

        Map<String, Object> json() {
            return Map.of("requests", requests, "seconds", wallNanos / 1e9, "requestsPerSecond", requestsPerSecond(),
                    "cpuMicrosPerRequest", cpuMicrosPerRequest());
        }
    }

    /** CPU time of this whole process (client, server and JIT alike), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @FunctionalInterface
    private interface RunFor {
        Measured run(Variant variant, Duration time) throws Exception;
    }

    // ---- classic ----

    private HttpClientBuilder classicBuilder() {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(threads).setMaxConnPerRoute(threads)
                        .setDefaultConnectionConfig(connectionConfig())
                        .build())
                .setDefaultRequestConfig(requestConfig())
                .disableAutomaticRetries();
    }

    private Measured classicRun(CloseableHttpClient client, URI target, String constantHeader, Duration time) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        CountDownLatch done = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        HttpGet get = new HttpGet(target);
                        if (constantHeader != null) {
                            get.setHeader(HttpHeaders.AUTHORIZATION, constantHeader);
                        }
                        int status = client.execute(get, response -> {
                            EntityUtils.consume(response.getEntity());
                            return response.getCode();
                        });
                        (status == 200 ? ok : failed).increment();
                    }
                } catch (Exception e) {
                    failed.increment();
                    System.err.println("classic worker failed: " + e);
                } finally {
                    done.countDown();
                }
            }, "classic-" + i);
            worker.setDaemon(true);
            worker.start();
        }
        long start = System.nanoTime();
        long cpuAtStart = processCpuNanos();
        long okAtStart = ok.sum();
        Thread.sleep(time.toMillis());
        long okAtEnd = ok.sum();
        long cpu = processCpuNanos() - cpuAtStart;
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("classic workers did not stop within 30 s");
        }
        requireNoFailures(failed.sum());
        return new Measured(okAtEnd - okAtStart, elapsed, cpu);
    }

    // ---- async ----

    private HttpAsyncClientBuilder asyncBuilder() {
        return HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency)
                        .setDefaultConnectionConfig(connectionConfig())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).setSoTimeout(Timeout.ofSeconds(30)).build())
                .setDefaultRequestConfig(requestConfig())
                .disableAutomaticRetries();
    }

    private Measured asyncRun(CloseableHttpAsyncClient client, URI target, String constantHeader, Duration time) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        FutureCallback<SimpleHttpResponse> callback = new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                (response.getCode() == 200 ? ok : failed).increment();
                inFlight.release();
            }

            @Override
            public void failed(Exception e) {
                failed.increment();
                inFlight.release();
            }

            @Override
            public void cancelled() {
                failed.increment();
                inFlight.release();
            }
        };
        long deadline = System.nanoTime() + time.toNanos();
        long start = System.nanoTime();
        long cpuAtStart = processCpuNanos();
        while (System.nanoTime() < deadline) {
            if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            SimpleHttpRequest request = SimpleRequestBuilder.get(target).build();
            if (constantHeader != null) {
                request.setHeader(HttpHeaders.AUTHORIZATION, constantHeader);
            }
            client.execute(request, callback);
        }
        long completed = ok.sum();
        long cpu = processCpuNanos() - cpuAtStart;
        long elapsed = System.nanoTime() - start;
        if (!inFlight.tryAcquire(concurrency, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("async requests did not finish within 30 s");
        }
        inFlight.release(concurrency);
        requireNoFailures(failed.sum());
        return new Measured(completed, elapsed, cpu);
    }

    private static ConnectionConfig connectionConfig() {
        return ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(30)).build();
    }

    private static RequestConfig requestConfig() {
        return RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build();
    }

    private static void requireNoFailures(long failed) {
        if (failed > 0) {
            throw new IllegalStateException(failed + " requests failed or were not answered 200; the comparison is void");
        }
    }
}
