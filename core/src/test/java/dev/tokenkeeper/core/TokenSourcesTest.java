package dev.tokenkeeper.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.otp.OtpSource;
import dev.tokenkeeper.core.secret.SecretSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounds a configuration sets on one login request and on a caller's wait for a login. */
class TokenSourcesTest {

    private static TokenKeeperConfig.Builder config() {
        return TokenKeeperConfig.builder()
                .loginUrl("https://identity.example.test/account/login")
                .username("api@example.test")
                .password(SecretSource.callback(() -> "pw".toCharArray()))
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(10));
    }

    @Test
    void aLoginRequestMayTakeItsConnectAHandshakeAndAnAnswerInAll() {
        assertThat(config().build().loginRequestBudget()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void aCallerWaitsAtMostThreeWholeRequestsPlusSlackAndATotpStepWithMfa() {
        assertThat(TokenSources.loginWaitBound(config().build())).isEqualTo(Duration.ofSeconds(3 * 25 + 10));
        OtpSource codes = now -> "123456";
        assertThat(TokenSources.loginWaitBound(config().otpSource(codes).build())).isEqualTo(Duration.ofSeconds(3 * 25 + 10 + 30));
    }
}
