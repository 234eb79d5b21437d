package dev.tokenkeeper.samples.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.testkit.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void printsAtMostOnceASecond() {
        MutableClock clock = MutableClock.startingNow();
        StringWriter err = new StringWriter();
        Outcomes outcomes = new Outcomes();
        ProgressReporter progress = new ProgressReporter(outcomes, 100, new PrintWriter(err, true), clock);

        clock.advance(Duration.ofMillis(500));
        progress.tick();
        assertThat(err.toString()).isEmpty();

        for (int i = 0; i < 40; i++) {
            outcomes.status(200);
        }
        outcomes.error("ConnectException");
        clock.advance(Duration.ofMillis(500));
        progress.tick();
        progress.tick(); // a doubled tick in the same second prints nothing more
        clock.advance(Duration.ofMillis(999));
        progress.tick();

        assertThat(err.toString().lines()).containsExactly("load: 41/100 done, 40 ok, 1 errors, 41 req/s, 1 s");

        clock.advance(Duration.ofMillis(1));
        progress.tick();
        assertThat(err.toString().lines()).hasSize(2);
    }
}
