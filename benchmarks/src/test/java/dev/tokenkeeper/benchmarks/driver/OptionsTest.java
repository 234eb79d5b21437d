package dev.tokenkeeper.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void readsValuesAndDefaults() {
        Options o = Options.parse(new String[] {"--threads=8", "--seconds=500ms", "--https"});
        assertThat(o.integer("threads", 4, 1, 64)).isEqualTo(8);
        assertThat(o.integer("rounds", 3, 1, 10)).isEqualTo(3);
        assertThat(o.duration("seconds", Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(60)))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(o.flag("https", false)).isTrue();
        o.rejectUnknown();
    }

    @Test
    void boundsEveryNumberSoNoRunIsUnbounded() {
        Options o = Options.parse(new String[] {"--threads=100000", "--seconds=3600"});
        assertThatThrownBy(() -> o.integer("threads", 4, 1, 64)).hasMessageContaining("--threads must be in [1, 64]");
        assertThatThrownBy(() -> o.duration("seconds", Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(60)))
                .hasMessageContaining("--seconds must be between");
    }

    @Test
    void refusesUnknownOptionsAndNonOptions() {
        Options o = Options.parse(new String[] {"--thraeds=8"});
        o.integer("threads", 4, 1, 64);
        assertThatThrownBy(o::rejectUnknown).hasMessageContaining("unknown option --thraeds");
        assertThatThrownBy(() -> Options.parse(new String[] {"threads=8"})).hasMessageContaining("expected --name=value");
    }
}
