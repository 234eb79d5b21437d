package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void movesOnlyWhenTold() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.advance(Duration.ofMillis(1500))).isEqualTo(Instant.parse("2030-01-01T00:00:01.500Z"));
        clock.set(Instant.EPOCH);
        assertThat(clock.millis()).isZero();
        clock.advance(Duration.ofSeconds(-1));
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH.minusSeconds(1));
    }

    @Test
    void zonedCopiesShareTheInstant() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofHours(1));
        assertThat(paris.instant()).isEqualTo(Instant.EPOCH.plusSeconds(3600));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
