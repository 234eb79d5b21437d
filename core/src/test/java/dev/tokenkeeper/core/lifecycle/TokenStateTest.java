package dev.tokenkeeper.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.AccessToken;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenStateTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    private static AccessToken token(Duration lifetime) {
        return new AccessToken("header.payload.signature", T0, T0.plus(lifetime));
    }

    @Test
    void longLivedTokenUsesConfiguredLeads() {
        TokenState s = TokenState.plan(token(Duration.ofHours(1)), RefreshPolicy.DEFAULTS, 0.0);

        assertThat(s.expiresAtMillis).isEqualTo(T0.plusSeconds(3600).toEpochMilli());
        assertThat(s.refreshAtMillis).isEqualTo(T0.plusSeconds(3600 - 60).toEpochMilli());
        assertThat(s.blockAtMillis).isEqualTo(T0.plusSeconds(3600 - 5).toEpochMilli());
    }

    @Test
    void spreadTakesAtMostTenPercentOffTheRefreshLead() {
        TokenState s = TokenState.plan(token(Duration.ofHours(1)), RefreshPolicy.DEFAULTS, 0.999_999);

        long lead = s.expiresAtMillis - s.refreshAtMillis;
        assertThat(lead).isBetween(54_000L, 60_000L);
    }

    @Test
    void shortTokenClampsRefreshToHalfAndBlockingToAQuarterOfItsLifetime() {
        // 3 s token with the default 60 s / 5 s leads: refresh at 1.5 s, block only in the last 0.75 s.
        TokenState s = TokenState.plan(token(Duration.ofSeconds(3)), RefreshPolicy.DEFAULTS, 0.0);

        assertThat(s.refreshAtMillis - T0.toEpochMilli()).isEqualTo(1_500);
        assertThat(s.blockAtMillis - T0.toEpochMilli()).isEqualTo(2_250);
        assertThat(s.isFresh(T0.toEpochMilli() + 1_499)).isTrue();
        assertThat(s.isFresh(T0.toEpochMilli() + 1_500)).isFalse();
        assertThat(s.isUsableWithoutWaiting(T0.toEpochMilli() + 2_249)).isTrue();
        assertThat(s.isUsableWithoutWaiting(T0.toEpochMilli() + 2_250)).isFalse();
        assertThat(s.isValid(T0.toEpochMilli() + 2_999)).isTrue();
        assertThat(s.isValid(T0.toEpochMilli() + 3_000)).isFalse();
    }

    @Test
    void refreshNeverComesAfterBlockingEvenWhenConfiguredThatWay() {
        RefreshPolicy odd = RefreshPolicy.DEFAULTS.withRefreshBeforeExpiry(Duration.ofSeconds(1))
                .withExpiryMargin(Duration.ofSeconds(10));
        TokenState s = TokenState.plan(token(Duration.ofHours(1)), odd, 0.5);

        assertThat(s.refreshAtMillis).isEqualTo(s.blockAtMillis);
    }
}
