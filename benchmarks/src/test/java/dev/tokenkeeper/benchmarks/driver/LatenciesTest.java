package dev.tokenkeeper.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void mergesThreadsAndReportsNearestRankPercentiles() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 1; i <= 50; i++) {
            a.record(i * 1000L);          // 1..50 µs
            b.record((50 + i) * 1000L);   // 51..100 µs
        }
        Latencies.Summary s = Latencies.summarize(List.of(a, b));
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.percentileMicros(50)).isEqualTo(50.0);
        assertThat(s.percentileMicros(99)).isEqualTo(99.0);
        assertThat(s.maxMicros()).isEqualTo(100.0);
    }

    @Test
    void keepsCountingPastTheStorageBound() {
        Latencies l = new Latencies();
        for (int i = 0; i < Latencies.MAX_SAMPLES + 10; i++) {
            l.record(1);
        }
        assertThat(l.count()).isEqualTo(Latencies.MAX_SAMPLES + 10L);
        assertThat(Latencies.summarize(List.of(l)).count()).isEqualTo(Latencies.MAX_SAMPLES + 10L);
    }
}
