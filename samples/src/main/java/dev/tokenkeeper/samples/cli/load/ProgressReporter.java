package dev.tokenkeeper.samples.cli.load;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress line on stderr while {@code load} runs, at most once a second: a scheduler ticks every
 * second and {@link #tick()} itself refuses to print sooner than a second after the last line, so a
 * late or doubled tick cannot flood the terminal.
 */
final class ProgressReporter implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Outcomes outcomes;
    private final long total;
    private final PrintWriter err;
    private final Clock clock;
    private final long startMillis;
    private ScheduledExecutorService scheduler;
    private long lastPrintMillis;
    private long lastDone;

    ProgressReporter(Outcomes outcomes, long total, PrintWriter err, Clock clock) {
        this.outcomes = outcomes;
        this.total = total;
        this.err = err;
        this.clock = clock;
        this.startMillis = clock.millis();
        this.lastPrintMillis = startMillis;
    }

    /** Starts ticking once a second on a daemon thread. */
    ProgressReporter start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-progress");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::tick, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Prints one progress line if at least a second has passed since the last one. */
    synchronized void tick() {
        long now = clock.millis();
        long sinceLast = now - lastPrintMillis;
        if (sinceLast < INTERVAL.toMillis()) {
            return;
        }
        long done = outcomes.done();
        long perSecond = (done - lastDone) * 1000 / Math.max(1, sinceLast);
        err.printf("load: %d/%d done, %d ok, %d errors, %d req/s, %d s%n",
                done, total, outcomes.ok(), outcomes.errors(), perSecond, (now - startMillis) / 1000);
        err.flush();
        lastPrintMillis = now;
        lastDone = done;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
