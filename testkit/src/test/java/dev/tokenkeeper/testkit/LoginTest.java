package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two login steps as protocol.md describes them, against the server over HTTPS. */
class LoginTest {

    private static final String SECRET = TestTotp.randomSecret();
    /** Mid-step, so "previous step" and "next step" are unambiguous. */
    private static final Instant START = Instant.parse("2030-01-01T00:00:10Z");

    private final MutableClock clock = new MutableClock(START);
    private final IdentityServer server = IdentityServer.builder()
            .clock(clock)
            .user("plain@example.test", "plain-password")
            .totpUser("mfa@example.test", "mfa-password", SECRET)
            .start();
    private final Http http = new Http();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void passwordLoginReturnsAJwtWithTheProtocolClaims() throws Exception {
        HttpResponse<String> response = http.passwordStep(server, Http.newIdentityToken(), "plain@example.test",
                "plain-password");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        DecodedJWT jwt = JWT.decode(Http.json(response).get("accessToken").asText());
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getSubject()).isEqualTo("plain@example.test");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(Instant.parse("2030-01-01T00:00:10Z"));
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(Instant.parse("2030-01-01T00:05:10Z"));
        assertThat(server.counters().loginsAttempted()).isEqualTo(1);
        assertThat(server.counters().loginsSucceeded()).isEqualTo(1);
        assertThat(server.counters().distinctIdentityTokens()).isEqualTo(1);
        assertThat(server.counters().protocolViolations()).isEmpty();
    }

    @Test
    void attemptTimesAndIdentityTokensAreRecordedForWindowAndLeakTests() throws Exception {
        String first = Http.newIdentityToken();
        String second = Http.newIdentityToken();
        http.passwordStep(server, first, "plain@example.test", "plain-password");
        clock.advance(Duration.ofSeconds(3));
        server.setClockOffset(Duration.ofSeconds(1));
        http.passwordStep(server, second, "plain@example.test", "wrong");

        assertThat(server.counters().loginAttemptTimes()).containsExactly(START, START.plusSeconds(4));
        assertThat(server.counters().identityTokensSeen()).containsExactly(first, second);

        server.resetCounters();
        assertThat(server.counters().loginAttemptTimes()).isEmpty();
        assertThat(server.counters().identityTokensSeen()).isEmpty();
    }

    @Test
    void forgettingAuthorizationHeadersKeepsTheCounts() throws Exception {
        String token = http.login(server, "plain@example.test", "plain-password");
        http.get(server.apiUrl("/api/echo/x"), "Bearer " + token);

        server.forgetAuthorizationHeaders();

        assertThat(server.counters().authorizationHeadersSeen()).isEmpty();
        assertThat(server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(1);
        assertThat(server.counters().loginsSucceeded()).isEqualTo(1);
    }

    @Test
    void iatIsRoundedDownAndExpUpSoATokenLivesAtLeastItsLifetime() throws Exception {
        clock.set(Instant.parse("2030-01-01T00:00:10.700Z"));
        server.setTokenLifetime(Duration.ofSeconds(1));

        DecodedJWT jwt = JWT.decode(http.login(server, "plain@example.test", "plain-password"));

        assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(Instant.parse("2030-01-01T00:00:10Z"));
        // 10.7 + 1 = 11.7, rounded up: accepted until 12, i.e. 1.3 s, never less than the lifetime.
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(Instant.parse("2030-01-01T00:00:12Z"));
    }

    @Test
    void wrongPasswordOrUnknownUserIs401WithAJsonError() throws Exception {
        HttpResponse<String> wrong = http.passwordStep(server, Http.newIdentityToken(), "plain@example.test", "nope");
        HttpResponse<String> unknown = http.passwordStep(server, Http.newIdentityToken(), "who@example.test", "x");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong).get("error").asText()).isEqualTo("invalid_credentials");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(server.counters().loginsAttempted()).isEqualTo(2);
        assertThat(server.counters().loginsSucceeded()).isZero();
    }

    @Test
    void totpUserGetsAnMfaTokenThenAnAccessTokenForTheCurrentCode() throws Exception {
        String identityToken = Http.newIdentityToken();
        HttpResponse<String> first = http.passwordStep(server, identityToken, "mfa@example.test", "mfa-password");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Http.json(first).has("accessToken")).isFalse();
        String mfaToken = Http.json(first).get("mfaToken").asText();

        HttpResponse<String> second = http.otpStep(server, identityToken, mfaToken, TestTotp.code(SECRET, clock.instant()));

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JWT.decode(Http.json(second).get("accessToken").asText()).getSubject()).isEqualTo("mfa@example.test");
        assertThat(server.counters().otpSteps()).isEqualTo(1);
        assertThat(server.counters().otpRejected()).isZero();
        assertThat(server.counters().loginsSucceeded()).isEqualTo(1);
        assertThat(server.counters().protocolViolations()).isEmpty();
    }

    @Test
    void acceptsThePreviousStepsCodeButNotOlderOnes() throws Exception {
        String twoStepsAgo = TestTotp.code(SECRET, clock.instant());
        clock.advance(Duration.ofSeconds(30));
        String previous = TestTotp.code(SECRET, clock.instant());
        clock.advance(Duration.ofSeconds(30));

        assertThat(otp(twoStepsAgo).statusCode()).isEqualTo(401);
        assertThat(otp(previous).statusCode()).isEqualTo(200);
    }

    @Test
    void aCodeIsAcceptedOncePerStepSoTheClientMustWaitForTheNextStep() throws Exception {
        String code = TestTotp.code(SECRET, clock.instant());
        assertThat(otp(code).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = otp(code);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(Http.json(replay).get("error").asText()).isEqualTo("otp_already_used");

        clock.set(TestTotp.nextStepStart(clock.instant()));
        assertThat(otp(TestTotp.code(SECRET, clock.instant())).statusCode()).isEqualTo(200);
        assertThat(server.counters().otpRejected()).isEqualTo(1);
    }

    @Test
    void aRefusedCodeLeavesTheMfaTokenUsableForARetry() throws Exception {
        String identityToken = Http.newIdentityToken();
        String mfaToken = mfaToken(identityToken);

        HttpResponse<String> wrong = http.otpStep(server, identityToken, mfaToken, wrongCode());
        HttpResponse<String> right = http.otpStep(server, identityToken, mfaToken, TestTotp.code(SECRET, clock.instant()));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong).get("error").asText()).isEqualTo("invalid_otp");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(server.counters().otpRejected()).isEqualTo(1);
    }

    @Test
    void anMfaTokenIsSingleUseAndGoesStaleAfterFiveMinutes() throws Exception {
        String identityToken = Http.newIdentityToken();
        String used = mfaToken(identityToken);
        assertThat(http.otpStep(server, identityToken, used, TestTotp.code(SECRET, clock.instant())).statusCode())
                .isEqualTo(200);
        clock.set(TestTotp.nextStepStart(clock.instant()));
        HttpResponse<String> reused = http.otpStep(server, identityToken, used, TestTotp.code(SECRET, clock.instant()));
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(Http.json(reused).get("error").asText()).isEqualTo("mfa_token_expired");

        String identityToken2 = Http.newIdentityToken();
        String stale = mfaToken(identityToken2);
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> late = http.otpStep(server, identityToken2, stale, TestTotp.code(SECRET, clock.instant()));
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(Http.json(late).get("error").asText()).isEqualTo("mfa_token_expired");
    }

    @Test
    void anMfaTokenAllowsFiveAttempts() throws Exception {
        String identityToken = Http.newIdentityToken();
        String mfaToken = mfaToken(identityToken);
        for (int i = 0; i < MfaSessions.MAX_ATTEMPTS; i++) {
            assertThat(http.otpStep(server, identityToken, mfaToken, wrongCode()).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> after = http.otpStep(server, identityToken, mfaToken, TestTotp.code(SECRET, clock.instant()));
        assertThat(Http.json(after).get("error").asText()).isEqualTo("mfa_token_expired");
    }

    @Test
    void theOtpStepMustCarryTheIdentityTokenOfItsPasswordStep() throws Exception {
        String mfaToken = mfaToken(Http.newIdentityToken());

        HttpResponse<String> response = http.otpStep(server, Http.newIdentityToken(), mfaToken,
                TestTotp.code(SECRET, clock.instant()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("error").asText()).isEqualTo("identity_token_mismatch");
        assertThat(server.counters().protocolViolations())
                .containsExactly("OTP step: identityToken changed between the password and the OTP step");
        assertThat(server.counters().loginsSucceeded()).isZero();
    }

    @Test
    void totpIgnoresTheJwtClockOffset() throws Exception {
        server.setClockOffset(Duration.ofMinutes(10));
        assertThat(otp(TestTotp.code(SECRET, clock.instant())).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> otp(String code) throws Exception {
        String identityToken = Http.newIdentityToken();
        return http.otpStep(server, identityToken, mfaToken(identityToken), code);
    }

    private String mfaToken(String identityToken) throws Exception {
        HttpResponse<String> response = http.passwordStep(server, identityToken, "mfa@example.test", "mfa-password");
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response).get("mfaToken").asText();
    }

    /** A code that is neither the current nor the previous step's. */
    private String wrongCode() {
        String current = TestTotp.code(SECRET, clock.instant());
        String previous = TestTotp.codeForStep(SECRET, TestTotp.step(clock.instant()) - 1);
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!candidate.equals(current) && !candidate.equals(previous)) {
                return candidate;
            }
        }
    }
}
