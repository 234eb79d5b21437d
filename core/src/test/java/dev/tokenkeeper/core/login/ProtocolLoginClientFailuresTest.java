package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.testing.LoginFixture;
import static dev.tokenkeeper.core.testing.LoginFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.LoginRejectedException;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.LoginStep;
import dev.tokenkeeper.testkit.RecordingServer;
import dev.tokenkeeper.testkit.TestPki;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a login fails ends in one exact exception type, quickly, with a message free of secrets. */
class ProtocolLoginClientFailuresTest {

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    private final LoginFixture fixture = new LoginFixture();

    private static AbstractThrowableAssert<?, ? extends Throwable> assertLoginFails(ProtocolLoginClient client,
                                                                               Class<? extends TokenKeeperException> type) {
        return assertThatThrownBy(client::login)
                .isExactlyInstanceOf(type)
                .hasMessageNotContaining(PASSWORD)
                .hasMessageNotContaining(LoginFixture.MFA_PASSWORD);
    }

    private IdentityServer serverFailing(LoginStep step, Fault fault) {
        IdentityServer server = fixture.server().start();
        server.injectFault(step, fault, 1);
        return server;
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreCredentialsRejectedAndNotRetryable(int status) {
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.status(status));
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            assertLoginFails(client, CredentialsRejectedException.class)
                    .hasMessageContaining(String.valueOf(status))
                    .hasMessageContaining("tokenkeeper.login.username")
                    .hasMessageContaining("cool-down")
                    .satisfies(e -> assertThat(((CredentialsRejectedException) e).status()).isEqualTo(status))
                    .satisfies(e -> assertThat(((TokenKeeperException) e).isRetryable()).isFalse());
            assertThat(server.counters().loginsAttempted()).isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordIsCredentialsRejected() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.config(server)
                     .password(SecretSource.callback(() -> "wrong-password".toCharArray())))) {
            assertLoginFails(client, CredentialsRejectedException.class).hasMessageNotContaining("wrong-password");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 409, 415, 422})
    void otherClientErrorsAreLoginRejectedPointingAtTheSettings(int status) {
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.status(status));
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            assertLoginFails(client, LoginRejectedException.class)
                    .hasMessageContaining(String.valueOf(status))
                    .hasMessageContaining("tokenkeeper.login.url")
                    .satisfies(e -> assertThat(((LoginRejectedException) e).status()).isEqualTo(status));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void serverErrorsAndRequestTimeoutsAreServiceUnavailable(int status) {
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.status(status));
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            assertLoginFails(client, IdentityServiceUnavailableException.class)
                    .hasMessageContaining(String.valueOf(status))
                    .satisfies(e -> assertThat(((TokenKeeperException) e).isRetryable()).isTrue());
        }
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.tooManyRequests(Duration.ofSeconds(7)));
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            assertLoginFails(client, IdentityServiceUnavailableException.class)
                    .hasMessageContaining("429")
                    .satisfies(e -> assertThat(((IdentityServiceUnavailableException) e).retryAfter())
                            .contains(Duration.ofSeconds(7)));
        }
    }

    @Test
    void serverErrorsOnTheOtpStepAreServiceUnavailableToo() {
        try (IdentityServer server = serverFailing(LoginStep.OTP, Fault.status(503));
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            assertLoginFails(client, IdentityServiceUnavailableException.class).hasMessageContaining("one-time code step");
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoginStep.class)
    void aSlowAnswerTimesOutWithinTheResponseTimeout(LoginStep step) {
        try (IdentityServer server = serverFailing(step, Fault.slow(Duration.ofSeconds(5)));
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server).responseTimeout(SHORT_TIMEOUT))) {
            long started = System.nanoTime();
            assertLoginFails(client, IdentityServiceUnavailableException.class)
                    .hasMessageContaining("localhost:" + server.port())
                    .hasMessageContaining("response timeout of 400 ms")
                    .hasMessageContaining("tokenkeeper.http.response-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void anAnswerTrickledAByteAtATimeIsAbandonedAfterItsWholeBudget() {
        // every byte arrives within the 400 ms response timeout, the whole answer would take ~30 s;
        // the budget is connect + 2 x response = 1200 ms
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.trickle(Duration.ofMillis(150)));
             ProtocolLoginClient client = fixture.client(fixture.config(server)
                     .connectTimeout(SHORT_TIMEOUT).responseTimeout(SHORT_TIMEOUT))) {
            long started = System.nanoTime();
            assertLoginFails(client, IdentityServiceUnavailableException.class)
                    .hasMessageContaining("within 1200 ms in all")
                    .hasMessageContaining("tokenkeeper.http.connect-timeout + 2 x tokenkeeper.http.response-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1150), Duration.ofMillis(3000));
        }
    }

    @Test
    void noAnswerAtAllTimesOutWithinTheResponseTimeout() {
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.noAnswer());
             ProtocolLoginClient client = fixture.client(fixture.config(server).responseTimeout(SHORT_TIMEOUT))) {
            long started = System.nanoTime();
            assertLoginFails(client, IdentityServiceUnavailableException.class).hasMessageContaining("response timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aDroppedConnectionIsServiceUnavailableNamingTheHost() {
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.connectionReset());
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            assertLoginFails(client, IdentityServiceUnavailableException.class)
                    .hasMessageContaining("localhost:" + server.port());
            assertThat(server.counters().loginsAttempted()).as("not retried by HttpClient").isEqualTo(1);
        }
    }

    @Test
    void aClosedPortIsServiceUnavailableRightAway() {
        URI loginUrl;
        try (IdentityServer server = fixture.server().start()) {
            loginUrl = server.loginUrl();
        }
        try (ProtocolLoginClient client = fixture.client(fixture.config(loginUrl))) {
            long started = System.nanoTime();
            assertLoginFails(client, IdentityServiceUnavailableException.class)
                    .hasMessageContaining("could not connect to localhost:" + loginUrl.getPort());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoginStep.class)
    void aNonJsonAnswerIsMalformed(LoginStep step) {
        try (IdentityServer server = serverFailing(step, Fault.nonJson());
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            assertLoginFails(client, MalformedLoginResponseException.class).hasMessageContaining("is not JSON")
                    .satisfies(e -> assertThat(((TokenKeeperException) e).isRetryable()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LoginStep.class)
    void anAnswerWithoutATokenIsMalformed(LoginStep step) {
        try (IdentityServer server = serverFailing(step, Fault.okWithoutToken());
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            assertLoginFails(client, MalformedLoginResponseException.class).hasMessageContaining("\"accessToken\"");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64 * 1024 + 1, 20 * 1024 * 1024})
    void anOversizedAnswerIsMalformedAndNotReadToTheEnd(int bytes) {
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.oversizedBody(bytes));
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            long started = System.nanoTime();
            assertLoginFails(client, MalformedLoginResponseException.class).hasMessageContaining("larger than 64 KiB");
            // The server did issue a token, behind the padding: a client without a bound would have used it.
            assertThat(server.counters().loginsSucceeded()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void anAnswerJustUnderTheBoundIsRead() {
        try (IdentityServer server = serverFailing(LoginStep.PASSWORD, Fault.oversizedBody(60 * 1024));
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            assertThat(client.login()).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void aRedirectIsNotFollowedSoThePasswordGoesNowhereElse(int status) {
        try (IdentityServer server = fixture.server().start();
             RecordingServer elsewhere = RecordingServer.start(true, "localhost")) {
            URI redirecting = server.apiUrl("/api/redirect?status=" + status + "&to="
                    + URLEncoder.encode(elsewhere.uri("/account/login").toString(), StandardCharsets.UTF_8));
            try (ProtocolLoginClient client = fixture.client(fixture.config(redirecting))) {
                assertLoginFails(client, LoginRejectedException.class)
                        .hasMessageContaining("redirect")
                        .hasMessageContaining(elsewhere.uri("/account/login").toString())
                        .hasMessageContaining("tokenkeeper.login.url")
                        .satisfies(e -> assertThat(((LoginRejectedException) e).status()).isEqualTo(status));
            }
            assertThat(elsewhere.requests()).isEmpty();
            assertThat(server.counters().redirectAuthorizationHeadersSeen()).hasSize(1)
                    .noneMatch(value -> value.startsWith("Bearer"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestPki.Certificate.class, names = {"WRONG_HOST", "UNTRUSTED_CA"})
    void anUnverifiableCertificateStopsTheLoginBeforeThePasswordIsSent(TestPki.Certificate certificate) {
        try (IdentityServer server = fixture.server().serverCertificate(certificate).start();
             ProtocolLoginClient client = fixture.client(fixture.config(server))) {
            assertLoginFails(client, IdentityServiceUnavailableException.class)
                    .hasMessageContaining("TLS")
                    .hasMessageContaining("tokenkeeper.tls.trust-store");
            assertThat(server.counters().loginsAttempted()).isZero();
        }
    }

    @Test
    void withoutTheTestCaTheJvmDefaultTrustRefusesTheServer() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.config(server).trustStore(null).trustStorePassword(null))) {
            assertLoginFails(client, IdentityServiceUnavailableException.class).hasMessageContaining("TLS");
            assertThat(server.counters().loginsAttempted()).isZero();
        }
    }
}
