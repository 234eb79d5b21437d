package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.testing.LoginFixture;
import static dev.tokenkeeper.core.testing.LoginFixture.MFA_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.error.MfaRequiredException;
import dev.tokenkeeper.core.error.OtpRejectedException;
import dev.tokenkeeper.core.error.TokenSourceClosedException;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.LoginStep;
import dev.tokenkeeper.testkit.TestPki;
import dev.tokenkeeper.testkit.TestTotp;
import dev.tokenkeeper.testkit.TokenStyle;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ProtocolLoginClient against the testkit identity server over HTTPS: the paths that end in a token. */
class ProtocolLoginClientTest {

    private final LoginFixture fixture = new LoginFixture();

    /** The token is real: the server's protected API accepts it. */
    private static int apiStatus(IdentityServer server, AccessToken token) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().sslContext(TestPki.clientSslContext()).build();
        HttpRequest request = HttpRequest.newBuilder(server.apiUrl("/api/echo/check"))
                .header("Authorization", token.authorizationHeaderValue()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void logsInWithAPasswordAndTheTokenWorks() throws Exception {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            Instant sentAt = fixture.clock.instant();

            AccessToken token = client.login();

            assertThat(token.receivedAt()).isEqualTo(sentAt);
            // 60 s granted; exp - iat may be up to 62 s after the server's rounding; 1 s is taken off.
            assertThat(token.lifetime()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
            assertThat(apiStatus(server, token)).isEqualTo(200);
            assertThat(server.counters().loginsAttempted()).isEqualTo(1);
            assertThat(server.counters().loginsSucceeded()).isEqualTo(1);
            assertThat(server.counters().otpSteps()).isZero();
            assertThat(server.counters().protocolViolations()).isEmpty();
        }
    }

    @Test
    void logsInWithTotpUsingOneIdentityTokenForBothSteps() throws Exception {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            AccessToken token = client.login();

            assertThat(apiStatus(server, token)).isEqualTo(200);
            assertThat(server.counters().otpSteps()).isEqualTo(1);
            assertThat(server.counters().otpRejected()).isZero();
            // The server refuses (401) and records a violation when the identityToken changes between steps.
            assertThat(server.counters().distinctIdentityTokens()).isEqualTo(1);
            assertThat(server.counters().protocolViolations()).isEmpty();
            assertThat(fixture.waits).isEmpty();
        }
    }

    @Test
    void everyLoginAttemptHasAFreshIdentityToken() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient plain = fixture.client(fixture.config(server));
             ProtocolLoginClient mfa = fixture.client(fixture.mfaConfig(server))) {
            for (int i = 0; i < 3; i++) {
                plain.login();
                mfa.login();
                fixture.clock.advance(Duration.ofSeconds(TestTotp.STEP_SECONDS)); // one code per step
            }

            assertThat(server.counters().loginsAttempted()).isEqualTo(6);
            assertThat(server.counters().distinctIdentityTokens()).isEqualTo(6);
            assertThat(server.counters().reusedIdentityTokens()).isZero();
            assertThat(server.counters().protocolViolations()).isEmpty();
        }
    }

    @Test
    void acceptsTheTotpSecretAsAnOtpauthUri() {
        String uri = "otpauth://totp/Example:" + MFA_USER + "?secret=" + fixture.totpSecret
                + "&issuer=Example&algorithm=SHA1&digits=6&period=30";
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server)
                     .totpSecret(SecretSource.callback("test-otpauth-uri", uri::toCharArray)))) {
            assertThat(client.login()).isNotNull();
            assertThat(server.counters().otpSteps()).isEqualTo(1);
        }
    }

    @Test
    void aCodeAlreadyUsedInThisStepIsRefusedSoTheLoginWaitsForTheNextStep() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            client.login();
            Instant secondLogin = fixture.clock.instant();

            // Same 30 s step: the server accepts each code once, so the first code of this login is refused.
            AccessToken token = client.login();

            assertThat(token).isNotNull();
            assertThat(fixture.waits).containsExactly(Duration.between(secondLogin, TestTotp.nextStepStart(secondLogin)));
            assertThat(server.counters().otpSteps()).isEqualTo(3);
            assertThat(server.counters().otpRejected()).isEqualTo(1);
            assertThat(server.counters().loginsSucceeded()).isEqualTo(2);
            assertThat(server.counters().protocolViolations()).isEmpty();
        }
    }

    @Test
    void aCodeRefusedTwiceIsAnOtpRejectedException() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            server.injectFault(LoginStep.OTP, Fault.status(401), 2);

            assertThatThrownBy(client::login)
                    .isExactlyInstanceOf(OtpRejectedException.class)
                    .hasMessageContaining("twice")
                    .hasMessageContaining("tokenkeeper.login.totp-secret")
                    .satisfies(e -> assertThat(((OtpRejectedException) e).status()).isEqualTo(401))
                    .satisfies(e -> assertThat(((OtpRejectedException) e).isRetryable()).isFalse());
            assertThat(server.counters().otpSteps()).isEqualTo(2);
            assertThat(fixture.waits).hasSize(1);
            assertThat(fixture.waits.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void aStaleMfaTokenIsAnOtpRejectedException() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            server.injectFault(LoginStep.OTP, Fault.staleMfaToken(), 2);

            assertThatThrownBy(client::login).isExactlyInstanceOf(OtpRejectedException.class);
            assertThat(server.counters().loginsSucceeded()).isZero();
        }
    }

    @Test
    void otherOtpStepRefusalsAreOtpRejectedAtOnce() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            server.injectFault(LoginStep.OTP, Fault.status(410), 1);

            assertThatThrownBy(client::login).isExactlyInstanceOf(OtpRejectedException.class)
                    .hasMessageContaining("410").hasMessageContaining("tokenkeeper.login.otp-url");
            assertThat(server.counters().otpSteps()).isEqualTo(1);
            assertThat(fixture.waits).isEmpty();
        }
    }

    @Test
    void mfaWithoutACodeSourceFailsAtOnceWithoutAnOtpStep() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server).otpSource(null))) {
            assertThatThrownBy(client::login)
                    .isExactlyInstanceOf(MfaRequiredException.class)
                    .hasMessageContaining("tokenkeeper.login.totp-secret");
            assertThat(server.counters().otpSteps()).isZero();
        }
    }

    @Test
    void aCallbackOtpSourceIsAskedForTheCode() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server)
                     .otpSource(now -> TestTotp.code(fixture.totpSecret, now)))) {
            assertThat(client.login()).isNotNull();
            assertThat(server.counters().otpSteps()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "server clock {0} min off")
    @ValueSource(ints = {-10, 10})
    void aServerClockMinutesOffGivesTheSameLocalExpiry(int minutes) throws Exception {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            server.setClockOffset(Duration.ofMinutes(minutes));
            Instant sentAt = fixture.clock.instant();

            AccessToken token = client.login();

            assertThat(token.receivedAt()).isEqualTo(sentAt);
            assertThat(token.lifetime()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
            assertThat(apiStatus(server, token)).isEqualTo(200);
        }
    }

    @Test
    void aTokenWithoutExpGetsTheDefaultLifetime() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.config(server).defaultLifetime(Duration.ofMinutes(7)))) {
            server.setTokenStyle(TokenStyle.NO_EXP);
            assertThat(client.login().lifetime()).isEqualTo(Duration.ofMinutes(7));
        }
    }

    @Test
    void aTokenWithoutIatExpiresAtItsExpOnTheLocalClock() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            server.setTokenStyle(TokenStyle.NO_IAT);
            Instant now = fixture.clock.instant();

            AccessToken token = client.login();

            // exp is the server's now + 60 s rounded up to the second.
            assertThat(token.expiresAt()).isBetween(now.plusSeconds(60), now.plusSeconds(61));
        }
    }

    @Test
    void anAlreadyExpiredTokenAndAnOpaqueTokenAreMalformed() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            server.setTokenStyle(TokenStyle.ALREADY_EXPIRED);
            assertThatThrownBy(client::login).isExactlyInstanceOf(MalformedLoginResponseException.class)
                    .hasMessageContaining("grants no lifetime");

            server.setTokenStyle(TokenStyle.NOT_A_JWT);
            assertThatThrownBy(client::login).isExactlyInstanceOf(MalformedLoginResponseException.class)
                    .hasMessageContaining("not a readable JWT");
        }
    }

    @Test
    void aClosedClientRefusesToLogIn() {
        try (IdentityServer server = fixture.server().start()) {
            ProtocolLoginClient client = fixture.client(fixture.config(server));
            client.close();
            assertThatThrownBy(client::login).isExactlyInstanceOf(TokenSourceClosedException.class);
            assertThat(server.counters().loginsAttempted()).isZero();
        }
    }

    @Test
    void theFactoryUsesTheConfiguration() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = ProtocolLoginClient.create(fixture.config(server).build())) {
            assertThat(client.login()).isNotNull();
            assertThat(client.toString()).contains(server.loginUrl().toString()).doesNotContain(LoginFixture.PASSWORD);
        }
    }
}
