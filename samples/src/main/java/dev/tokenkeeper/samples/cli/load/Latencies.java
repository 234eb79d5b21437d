package dev.tokenkeeper.samples.cli.load;

import java.util.Arrays;

/**
 * The latency of every request of a run, one slot per request, written by many threads (each slot by
 * one), read once at the end. Percentiles by nearest rank over all requests, failed ones included:
 * a request that failed fast took its time too.
 */
final class Latencies {

    private final long[] nanos;

    Latencies(int requests) {
        this.nanos = new long[requests];
    }

    /** Records request {@code index}'s latency. Each index is written by exactly one thread. */
    void record(int index, long elapsedNanos) {
        nanos[index] = elapsedNanos;
    }

    /** Sorted copy; call after every request finished (the executor's or latch's happens-before covers the writes). */
    Summary summarize() {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Summary(percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest value such that at least {@code p} percent of the values are at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** p50, p99 and max, in nanoseconds. */
    record Summary(long p50Nanos, long p99Nanos, long maxNanos) {
    }
}
