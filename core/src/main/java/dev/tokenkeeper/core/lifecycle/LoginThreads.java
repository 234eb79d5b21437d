package dev.tokenkeeper.core.lifecycle;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a token source logs in on and keeps its freshness timer on: one daemon thread, so a
 * source never keeps the JVM alive. It starts on demand, lives while the source holds a token (the
 * timer wakes once a second) and ends 30 s after it last had work, or at {@code close()}. One thread
 * suffices because at most one login runs at a time.
 */
final class LoginThreads {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private LoginThreads() {
    }

    static ScheduledExecutorService create() {
        int id = SEQUENCE.incrementAndGet();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "tokenkeeper-login-" + id);
            thread.setDaemon(true);
            return thread;
        };
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, factory);
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
