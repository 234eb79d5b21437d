package dev.tokenkeeper.samples.cli.load;

import dev.tokenkeeper.samples.cli.ErrorReport;
import dev.tokenkeeper.samples.cli.RequestSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * {@code T} threads share one classic client (its pool sized to {@code T}) and take request numbers
 * from one counter until all {@code N} are taken.
 */
final class ClassicLoadDriver implements LoadDriver {

    private final CloseableHttpClient client;
    private final RequestSpec request;
    private final int threads;

    ClassicLoadDriver(CloseableHttpClient client, RequestSpec request, int threads) {
        this.client = client;
        this.request = request;
        this.threads = threads;
    }

    @Override
    public void run(int requests, Outcomes outcomes, Latencies latencies) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "load-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        send(i, outcomes, latencies);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            // send() catches everything a request can throw; this is a bug, not a failed request.
            throw new IllegalStateException("a load thread died", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void send(int index, Outcomes outcomes, Latencies latencies) {
        long start = System.nanoTime();
        try {
            int status = client.execute(request.toClassicRequest(), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            latencies.record(index, System.nanoTime() - start);
            outcomes.status(status);
        } catch (IOException | RuntimeException e) {
            latencies.record(index, System.nanoTime() - start);
            outcomes.error(ErrorReport.errorName(e));
        }
    }
}
