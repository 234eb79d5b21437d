package dev.tokenkeeper.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "250ms, PT0.25S", "90s, PT1M30S", "5m, PT5M", "1h, PT1H", "0s, PT0S", " 90 s , PT1M30S", "10MS, PT0.01S",
            "PT90S, PT1M30S", "pt1m30s, PT1M30S", "P1D, PT24H",
    })
    void parsesShortFormsAndIso8601(String text, String expected) {
        assertThat(Durations.parse("k", text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "1.5s", "-5s", "5 minutes", "PT-5S", "P", "abc", "1d", ""})
    void refusesOtherFormsNamingTheKeyAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse("tokenkeeper.http.connect-timeout", text))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tokenkeeper.http.connect-timeout")
                .hasMessageContaining("250ms, 90s, 5m, 1h")
                .hasMessageContaining("PT90S")
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key())
                        .isEqualTo("tokenkeeper.http.connect-timeout"));
    }

    @ParameterizedTest
    @CsvSource({"PT0.25S, 250ms", "PT1M30S, 90s", "PT5M, 5m", "PT2H, 2h", "PT0S, 0s"})
    void formatsInTheShortForm(String iso, String expected) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
        assertThat(Durations.parse("k", expected)).isEqualTo(Duration.parse(iso));
    }
}
