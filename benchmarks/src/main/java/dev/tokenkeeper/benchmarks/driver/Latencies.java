package dev.tokenkeeper.benchmarks.driver;

import java.util.Arrays;

/**
 * Request latencies of one thread, in nanoseconds, kept exactly (no histogram buckets) up to a bound, then
 * merged and sorted for percentiles. One instance per thread: not thread-safe, so recording costs an array
 * store.
 */
public final class Latencies {

    /** At most this many samples per thread (8 MiB); a run that makes more keeps counting but stops storing. */
    static final int MAX_SAMPLES = 1 << 20;

    private long[] samples = new long[4096];
    private int size;
    private long count;

    /** Records one request's latency. */
    public void record(long nanos) {
        count++;
        if (size == samples.length) {
            if (size == MAX_SAMPLES) {
                return;
            }
            samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES, size * 2));
        }
        samples[size++] = nanos;
    }

    /** Requests recorded, stored or not. */
    public long count() {
        return count;
    }

    /** The merged, sorted samples of every thread's recorder. */
    public static Summary summarize(Iterable<Latencies> perThread) {
        int total = 0;
        long count = 0;
        for (Latencies l : perThread) {
            total += l.size;
            count += l.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (Latencies l : perThread) {
            System.arraycopy(l.samples, 0, all, at, l.size);
            at += l.size;
        }
        Arrays.sort(all);
        return new Summary(all, count);
    }

    /** Sorted latencies with percentile lookup. */
    public static final class Summary {
        private final long[] sorted;
        private final long count;

        Summary(long[] sorted, long count) {
            this.sorted = sorted;
            this.count = count;
        }

        /** Requests made (some may not have been stored, see {@link #MAX_SAMPLES}). */
        public long count() {
            return count;
        }

        /** The {@code p}-th percentile ({@code 0 < p <= 100}) in microseconds, nearest-rank; 0 when empty. */
        public double percentileMicros(double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
        }

        /** The largest latency in microseconds. */
        public double maxMicros() {
            return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0;
        }
    }
}
