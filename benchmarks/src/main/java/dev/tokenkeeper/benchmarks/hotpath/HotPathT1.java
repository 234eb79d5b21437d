package dev.tokenkeeper.benchmarks.hotpath;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** {@link HotPath} on one thread. */
@State(Scope.Benchmark)
@Threads(1)
public class HotPathT1 extends HotPath {
}
