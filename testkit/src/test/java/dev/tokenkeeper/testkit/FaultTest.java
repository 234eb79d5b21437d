package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every injectable fault, its scheduling, and how faulted requests count. */
class FaultTest {

    private static final String SECRET = TestTotp.randomSecret();
    private static final IdentityServer SERVER = IdentityServer.builder()
            .user("plain@example.test", "plain-password")
            .totpUser("mfa@example.test", "mfa-password", SECRET)
            .start();
    private final Http http = new Http();

    @BeforeEach
    void reset() {
        SERVER.clearFaults();
        SERVER.resetCounters();
    }

    @AfterAll
    static void close() {
        SERVER.close();
    }

    @Test
    void statusFaultsAnswerWithAJsonErrorAndCountAsAttempted() throws Exception {
        for (int status : new int[] {401, 403, 500, 503}) {
            SERVER.injectFault(LoginStep.PASSWORD, Fault.status(status), 1);
            HttpResponse<String> response = login();
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(Http.json(response).get("error").asText()).isNotBlank();
        }
        assertThat(login().statusCode()).as("faults used up").isEqualTo(200);
        assertThat(SERVER.counters().loginsAttempted()).isEqualTo(5);
        assertThat(SERVER.counters().loginsSucceeded()).isEqualTo(1);
        assertThat(SERVER.counters().distinctIdentityTokens()).isEqualTo(5);
    }

    @Test
    void tooManyRequestsCarriesRetryAfterInWholeSeconds() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.tooManyRequests(Duration.ofMillis(2500)), 1);

        HttpResponse<String> response = login();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void slowAnswersNormallyAfterTheDelay() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofMillis(300)), 1);

        long start = System.nanoTime();
        HttpResponse<String> response = login();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Http.json(response).get("accessToken").asText()).isNotBlank();
        assertThat(SERVER.counters().loginsSucceeded()).isEqualTo(1);
    }

    @Test
    void trickleSendsTheBodyOneByteAtATime() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.trickle(Duration.ofMillis(5)), 1);

        long start = System.nanoTime();
        HttpResponse<String> response = login();

        String token = Http.json(response).get("accessToken").asText();
        // {"accessToken":"<jwt>"}: some 200 bytes, each followed by a 5 ms pause
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(5L * token.length()));
        assertThat(SERVER.counters().loginsSucceeded()).isEqualTo(1);
        assertThat(Fault.trickle(Duration.ofMillis(5))).hasToString("Fault.trickle(PT0.005S)");
    }

    @Test
    void noAnswerHoldsTheConnectionWithoutBlockingOthers() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.noAnswer(), 1);

        assertThatThrownBy(() -> http.send(Http.loginRequest(SERVER.loginUrl(), Http.newIdentityToken(),
                        java.util.Map.of("email", "plain@example.test", "password", "plain-password"))
                .timeout(Duration.ofMillis(500))))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(login().statusCode()).as("a held connection blocks nobody").isEqualTo(200);
        assertThat(SERVER.counters().loginsAttempted()).isEqualTo(2);
        assertThat(SERVER.counters().maxConcurrentLogins()).as("the held request is not in flight").isEqualTo(1);
    }

    @Test
    void connectionResetDropsTheConnectionWithoutAResponse() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.connectionReset(), 1);

        assertThatThrownBy(this::login).isInstanceOf(IOException.class);
        assertThat(login().statusCode()).isEqualTo(200);
        assertThat(SERVER.counters().loginsAttempted()).isEqualTo(2);
        assertThat(SERVER.counters().loginsSucceeded()).isEqualTo(1);
    }

    @Test
    void nonJsonIsA200HtmlPage() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.nonJson(), 1);

        HttpResponse<String> response = login();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(response.body()).startsWith("<html>");
        assertThat(SERVER.counters().loginsSucceeded()).isZero();
    }

    @Test
    void okWithoutTokenIsAnEmptyJsonObject() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.okWithoutToken(), 1);

        HttpResponse<String> response = login();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void oversizedBodyPadsAGenuineAnswerBeforeTheToken() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.oversizedBody(64 * 1024), 1);

        HttpResponse<String> response = login();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length()).isGreaterThan(64 * 1024);
        assertThat(response.body().indexOf("\"padding\"")).isLessThan(response.body().indexOf("\"accessToken\""));
        String token = Http.json(response).get("accessToken").asText();
        assertThat(http.get(SERVER.apiUrl("/api/echo/x"), "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(SERVER.counters().loginsSucceeded()).isEqualTo(1);
    }

    @Test
    void faultsApplyInOrderOfInjectionForTheirCount() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.status(503), 2);
        SERVER.injectFault(LoginStep.PASSWORD, Fault.status(500), 1);

        assertThat(login().statusCode()).isEqualTo(503);
        assertThat(login().statusCode()).isEqualTo(503);
        assertThat(login().statusCode()).isEqualTo(500);
        assertThat(login().statusCode()).isEqualTo(200);
    }

    @Test
    void aNegativeCountLastsUntilCleared() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.status(503), -1);
        for (int i = 0; i < 5; i++) {
            assertThat(login().statusCode()).isEqualTo(503);
        }
        SERVER.clearFaults();
        assertThat(login().statusCode()).isEqualTo(200);
    }

    @Test
    void faultsArePerStep() throws Exception {
        SERVER.injectFault(LoginStep.OTP, Fault.status(503), 1);

        String identityToken = Http.newIdentityToken();
        HttpResponse<String> password = http.passwordStep(SERVER, identityToken, "mfa@example.test", "mfa-password");
        assertThat(password.statusCode()).isEqualTo(200);
        String mfaToken = Http.json(password).get("mfaToken").asText();

        assertThat(http.otpStep(SERVER, identityToken, mfaToken, "000000").statusCode()).isEqualTo(503);
        assertThat(SERVER.counters().otpSteps()).isEqualTo(1);
        assertThat(SERVER.counters().otpRejected()).isZero();
    }

    @Test
    void otpFaultsRefuseTheCodeOrTheMfaToken() throws Exception {
        SERVER.injectFault(LoginStep.OTP, Fault.status(401), 1);
        SERVER.injectFault(LoginStep.OTP, Fault.staleMfaToken(), 1);

        String identityToken = Http.newIdentityToken();
        String mfaToken = Http.json(http.passwordStep(SERVER, identityToken, "mfa@example.test", "mfa-password"))
                .get("mfaToken").asText();
        String code = TestTotp.code(SECRET, java.time.Instant.now());

        HttpResponse<String> refused = http.otpStep(SERVER, identityToken, mfaToken, code);
        HttpResponse<String> stale = http.otpStep(SERVER, identityToken, mfaToken, code);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Http.json(refused).get("error").asText()).isEqualTo("invalid_otp");
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(Http.json(stale).get("error").asText()).isEqualTo("mfa_token_expired");
        assertThat(SERVER.counters().otpRejected()).isEqualTo(2);
        assertThat(SERVER.counters().loginsSucceeded()).isZero();
    }

    @Test
    void faultedRequestsStillRecordViolations() throws Exception {
        SERVER.injectFault(LoginStep.PASSWORD, Fault.status(503), 1);

        HttpResponse<String> response = http.passwordStep(SERVER, "Bearer abc", "plain@example.test", "plain-password");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(SERVER.counters().protocolViolations()).hasSize(1);
    }

    @Test
    void invalidInjectionsAreRefused() {
        assertThatThrownBy(() -> SERVER.injectFault(LoginStep.PASSWORD, Fault.staleMfaToken(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OTP step only");
        assertThatThrownBy(() -> SERVER.injectFault(LoginStep.PASSWORD, Fault.status(503), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.slow(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.slow(Duration.ofSeconds(1))).isEqualTo(Fault.slow(Duration.ofSeconds(1)))
                .hasToString("Fault.slow(PT1S)");
    }

    private HttpResponse<String> login() throws Exception {
        return http.passwordStep(SERVER, Http.newIdentityToken(), "plain@example.test", "plain-password");
    }
}
