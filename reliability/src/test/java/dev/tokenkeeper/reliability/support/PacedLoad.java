package dev.tokenkeeper.reliability.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * N threads sending requests for a while, at most R per second all together. The bound matters on a
 * 2-core machine: threads that fail fast would otherwise spin, and starve the in-process identity server
 * and the login thread of CPU, so the run would measure the machine instead of tokenkeeper. Permits are
 * handed out every 10 ms and do not accumulate beyond one tick.
 */
public final class PacedLoad {

    private final int threads;
    private final int perSecond;
    private final Semaphore permits = new Semaphore(0);

    public PacedLoad(int threads, int perSecond) {
        this.threads = threads;
        this.perSecond = perSecond;
    }

    /**
     * Runs {@code request} (given the thread's index) on every thread until {@code duration} has passed,
     * and waits for the last request of every thread to end, at most {@code duration + 60 s}.
     *
     * @param timer also runs the caller's periodic tasks (revocations, samples) alongside
     */
    public void run(Duration duration, ScheduledExecutorService timer, IntConsumer request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "paced-load"));
        Future<?> ticks = timer.scheduleAtFixedRate(this::tick, 0, 10, TimeUnit.MILLISECONDS);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                running.add(pool.submit(() -> loop(index, deadline, request)));
            }
            for (Future<?> f : running) {
                f.get(duration.toSeconds() + 60, TimeUnit.SECONDS); // every request ends
            }
        } finally {
            ticks.cancel(false);
            pool.shutdownNow();
        }
    }

    private void tick() {
        int missing = perSecond / 100 - permits.availablePermits();
        if (missing > 0) {
            permits.release(missing);
        }
    }

    private void loop(int index, long deadline, IntConsumer request) {
        while (System.nanoTime() < deadline) {
            try {
                if (!permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            request.accept(index);
        }
    }
}
