package dev.tokenkeeper.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DemoChecksTest {

    @Test
    void aMissedBehaviourIsPrintedAndFailsTheDemo() {
        StringWriter out = new StringWriter();
        DemoChecks checks = new DemoChecks(new Narrator(new PrintWriter(out, true), Clock.systemUTC()));

        checks.expect(true, "the first request carried the first token", "-");
        assertThat(checks.allPassed()).isTrue();

        checks.expect(false, "no request waited for the refresh", "waits went from 1 to 2");

        assertThat(checks.allPassed()).isFalse();
        assertThat(checks.passed()).isEqualTo(1);
        assertThat(checks.failed()).containsExactly("no request waited for the refresh");
        assertThat(out.toString()).contains("CHECK FAILED: no request waited for the refresh (waits went from 1 to 2)");
    }
}
