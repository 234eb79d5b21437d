package dev.tokenkeeper.benchmarks.hotpath;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The price of asking the time, which every token cache pays per request when it checks expiry.
 * Explains the hot-path figures: on a virtual machine a clock read can cost more than building the
 * request itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClockCost {

    Clock clock = Clock.systemUTC();
    volatile long volatileField = 42;

    @Benchmark
    public long volatileRead() {
        return volatileField;
    }

    @Benchmark
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    public long clockMillis() {
        return clock.millis();
    }

    @Benchmark
    public Instant clockInstant() {
        return clock.instant();
    }
}
