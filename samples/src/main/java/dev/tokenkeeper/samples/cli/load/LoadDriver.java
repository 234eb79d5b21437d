package dev.tokenkeeper.samples.cli.load;

/** Sends the requests of one {@code load} run and records what became of each. */
interface LoadDriver {

    /**
     * Sends {@code requests} requests and returns when every one has finished (answered or failed).
     * Each request is counted exactly once in {@code outcomes} and timed in {@code latencies}.
     */
    void run(int requests, Outcomes outcomes, Latencies latencies) throws InterruptedException;
}
