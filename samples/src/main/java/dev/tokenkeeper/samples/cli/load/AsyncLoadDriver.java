package dev.tokenkeeper.samples.cli.load;

import dev.tokenkeeper.samples.cli.ErrorReport;
import dev.tokenkeeper.samples.cli.RequestSpec;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;

/**
 * One async client (its pool sized to {@code T}) with at most {@code T} requests in flight: the
 * calling thread takes a permit per request and the completion callback gives it back. Bodies are
 * discarded as they arrive.
 */
final class AsyncLoadDriver implements LoadDriver {

    private final CloseableHttpAsyncClient client;
    private final RequestSpec request;
    private final int concurrency;

    AsyncLoadDriver(CloseableHttpAsyncClient client, RequestSpec request, int concurrency) {
        this.client = client;
        this.request = request;
        this.concurrency = concurrency;
    }

    @Override
    public void run(int requests, Outcomes outcomes, Latencies latencies) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch finished = new CountDownLatch(requests);
        for (int i = 0; i < requests; i++) {
            inFlight.acquire();
            Completion completion = new Completion(i, System.nanoTime(), outcomes, latencies, inFlight, finished);
            try {
                client.execute(SimpleRequestProducer.create(request.toAsyncRequest()),
                        new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()), completion);
            } catch (RuntimeException e) {
                completion.failed(e);
            }
        }
        finished.await();
    }

    /** Records one request's outcome and frees its permit, exactly once. */
    private static final class Completion implements FutureCallback<Message<HttpResponse, Void>> {
        private final int index;
        private final long start;
        private final Outcomes outcomes;
        private final Latencies latencies;
        private final Semaphore inFlight;
        private final CountDownLatch finished;
        private final AtomicBoolean reported = new AtomicBoolean();

        Completion(int index, long start, Outcomes outcomes, Latencies latencies, Semaphore inFlight, CountDownLatch finished) {
            this.index = index;
            this.start = start;
            this.outcomes = outcomes;
            this.latencies = latencies;
            this.inFlight = inFlight;
            this.finished = finished;
        }

        @Override
        public void completed(Message<HttpResponse, Void> result) {
            if (!reported.compareAndSet(false, true)) {
                return;
            }
            latencies.record(index, System.nanoTime() - start);
            outcomes.status(result.getHead().getCode());
            done();
        }

        @Override
        public void failed(Exception e) {
            if (!reported.compareAndSet(false, true)) {
                return;
            }
            latencies.record(index, System.nanoTime() - start);
            outcomes.error(ErrorReport.errorName(e));
            done();
        }

        @Override
        public void cancelled() {
            if (!reported.compareAndSet(false, true)) {
                return;
            }
            latencies.record(index, System.nanoTime() - start);
            outcomes.error("Cancelled");
            done();
        }

        private void done() {
            inFlight.release();
            finished.countDown();
        }
    }
}
