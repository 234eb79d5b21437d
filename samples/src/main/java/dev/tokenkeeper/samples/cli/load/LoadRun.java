package dev.tokenkeeper.samples.cli.load;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Supplier;

/** One {@code load} run: progress while it runs, then the report. */
final class LoadRun {

    private final LoadDriver driver;
    private final int requests;
    private final Supplier<LibraryCounters> counters;

    LoadRun(LoadDriver driver, int requests, Supplier<LibraryCounters> counters) {
        this.driver = driver;
        this.requests = requests;
        this.counters = counters;
    }

    /** Sends every request, printing progress on {@code err} at most once a second, and reports. */
    LoadReport execute(PrintWriter err) throws InterruptedException {
        Outcomes outcomes = new Outcomes();
        Latencies latencies = new Latencies(requests);
        long start = System.nanoTime();
        ProgressReporter progress = new ProgressReporter(outcomes, requests, err, Clock.systemUTC()).start();
        try {
            driver.run(requests, outcomes, latencies);
        } finally {
            progress.close();
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        Latencies.Summary summary = latencies.summarize();
        LibraryCounters library = counters.get();
        return new LoadReport(outcomes.done(), outcomes.ok(), outcomes.statusCounts(), outcomes.errorCounts(),
                library.logins(), library.refreshes(), library.replays(),
                summary.p50Nanos(), summary.p99Nanos(), summary.maxNanos(), durationMs);
    }
}
