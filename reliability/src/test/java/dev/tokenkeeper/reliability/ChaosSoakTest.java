package dev.tokenkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.reliability.support.Reports;
import dev.tokenkeeper.reliability.support.ThreadCensus;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak with chaos ({@link ChaosSoak}): a short run in every build, the 60 s run with {@code -Psoak}
 * ({@code -Dsoak.seconds=N} changes its length). Figures go to {@code target/soak-<seconds>s.md}.
 */
class ChaosSoakTest {

    static final long SEED = 20_260_6L;

    @Test
    @Timeout(120)
    void shortSoakInEveryBuild() throws Exception {
        check(ChaosSoak.run(Duration.ofSeconds(Long.getLong("soak.short.seconds", 8)), SEED));
    }

    @Test
    @Tag("soak")
    @Timeout(900)
    void longSoak() throws Exception {
        check(ChaosSoak.run(Duration.ofSeconds(Long.getLong("soak.seconds", 60)), SEED));
    }

    private static void check(SoakFigures f) {
        Reports.write("soak-" + f.duration().toSeconds() + "s.md", f.markdown());

        assertThat(f.violations()).as("requests that failed while a token was valid, or otherwise").isEmpty();
        assertThat(f.violationCount()).isZero();
        assertThat(f.handedOutExpired()).as("tokens handed out at or after their expiry").isZero();
        assertThat(f.apiExpired()).as("requests the server refused as expired").isZero();
        assertThat(f.protocolViolations()).isEmpty();
        assertThat(f.maxRequest()).as("slowest request").isLessThanOrEqualTo(f.requestBound());

        // the run did what it claims: chaos was met, tokens were revoked and replaced, most requests succeeded
        assertThat(f.revocationOffsets()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(f.faultsMet().keySet()).hasSizeGreaterThan(2);
        assertThat(f.loginsSucceeded()).isGreaterThan(f.revocationOffsets().size());
        assertThat(f.replays()).isPositive();
        assertThat(f.ok()).isPositive();

        // nothing accumulates: the same threads at the end as once warm, none left after closing, flat heap
        assertThat(without(f.threadsEnd(), "identity-server-")).isEqualTo(without(f.threadsWarm(), "identity-server-"));
        assertThat(ThreadCensus.notAbove(f.threadsAfterClose(), f.threadsBefore()))
                .as("threads after close %s, before %s", f.threadsAfterClose(), f.threadsBefore()).isTrue();
        assertThat(f.heapEnd() - f.heapWarm()).as("heap growth after GC, bytes").isLessThan(16L * 1024 * 1024);
    }

    /** The census without the server's exchange threads, which a held ("no answer") request keeps until close. */
    private static java.util.Map<String, Integer> without(java.util.Map<String, Integer> census, String prefix) {
        java.util.Map<String, Integer> copy = new java.util.TreeMap<>(census);
        copy.remove(prefix);
        return copy;
    }
}
