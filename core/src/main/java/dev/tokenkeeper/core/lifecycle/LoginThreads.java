package dev.tokenkeeper.core.lifecycle;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a token source logs in on: one daemon thread, started on demand and gone after 30 s
 * idle, so an idle source holds no thread and never keeps the JVM alive. One thread suffices because
 * at most one login runs at a time.
 */
final class LoginThreads {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private LoginThreads() {
    }

    static ExecutorService create() {
        int id = SEQUENCE.incrementAndGet();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "tokenkeeper-login-" + id);
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
