package dev.tokenkeeper.benchmarks.hotpath;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** {@link HotPath} on four threads sharing one token source per variant (one per client, as in use). */
@State(Scope.Benchmark)
@Threads(4)
public class HotPathT4 extends HotPath {
}
