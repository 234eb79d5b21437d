package dev.tokenkeeper.samples.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1; // 1..100
        }
        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(sorted, 100)).isEqualTo(100);
    }

    @Test
    void smallSamplesPickAnActualValue() {
        assertThat(Latencies.percentile(new long[] {7}, 50)).isEqualTo(7);
        assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Latencies.percentile(new long[] {1, 2, 3}, 50)).isEqualTo(2);
        assertThat(Latencies.percentile(new long[] {1, 2, 3}, 99)).isEqualTo(3);
        assertThat(Latencies.percentile(new long[0], 50)).isZero();
    }

    @Test
    void summaryIsOrderIndependent() {
        Latencies latencies = new Latencies(4);
        latencies.record(0, 40);
        latencies.record(1, 10);
        latencies.record(2, 30);
        latencies.record(3, 20);

        assertThat(latencies.summarize()).isEqualTo(new Latencies.Summary(20, 40, 40));
    }
}
