package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each client mistake protocol.md forbids is refused or recorded, with a message that names it. */
class ProtocolViolationTest {

    private static final IdentityServer SERVER = IdentityServer.builder()
            .user("plain@example.test", "plain-password").start();
    private static final Map<String, String> CREDENTIALS = Map.of("email", "plain@example.test",
            "password", "plain-password");
    private final Http http = new Http();

    @BeforeEach
    void reset() {
        SERVER.resetCounters();
    }

    @AfterAll
    static void close() {
        SERVER.close();
    }

    @Test
    void aWellFormedLoginRecordsNoViolation() throws Exception {
        HttpResponse<String> response = http.send(Http.loginRequest(SERVER.loginUrl(), Http.newIdentityToken(), CREDENTIALS)
                .header("Content-Type", "application/vnd.coldstream+json")
                .setHeader("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVER.counters().protocolViolations()).isEmpty();
    }

    @Test
    void missingIdentityTokenIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(SERVER.loginUrl())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Exchanges.toJson(CREDENTIALS))));

        assertRefused(response, 400, "missing_identity_token",
                "PASSWORD step: missing identityToken (Authorization header)");
    }

    @Test
    void aBearerValueIsRefusedAsIdentityToken() throws Exception {
        HttpResponse<String> response = http.send(
                Http.loginRequest(SERVER.loginUrl(), "Bearer " + Http.newIdentityToken(), CREDENTIALS));

        assertRefused(response, 400, "bearer_on_login", "PASSWORD step: a Bearer token was sent to the login endpoint");
    }

    @Test
    void anAccessTokenIsRefusedAsIdentityToken() throws Exception {
        String accessToken = http.login(SERVER, "plain@example.test", "plain-password");
        SERVER.resetCounters();

        HttpResponse<String> response = http.send(Http.loginRequest(SERVER.loginUrl(), accessToken, CREDENTIALS));

        assertRefused(response, 400, "access_token_as_identity_token", "PASSWORD step: an access token was sent");
    }

    @Test
    void aReusedIdentityTokenIsRecordedAndCounted() throws Exception {
        String identityToken = Http.newIdentityToken();
        assertThat(http.passwordStep(SERVER, identityToken, "plain@example.test", "plain-password").statusCode()).isEqualTo(200);
        assertThat(http.passwordStep(SERVER, identityToken, "plain@example.test", "plain-password").statusCode()).isEqualTo(200);

        assertThat(SERVER.counters().distinctIdentityTokens()).isEqualTo(1);
        assertThat(SERVER.counters().reusedIdentityTokens()).isEqualTo(1);
        assertThat(SERVER.counters().protocolViolations()).singleElement().asString()
                .startsWith("PASSWORD step: identityToken reused");
    }

    @Test
    void aShortIdentityTokenIsRecorded() throws Exception {
        assertThat(http.passwordStep(SERVER, "1234", "plain@example.test", "plain-password").statusCode()).isEqualTo(200);

        assertThat(SERVER.counters().protocolViolations()).singleElement().asString()
                .startsWith("PASSWORD step: identityToken too short (4 characters");
    }

    @Test
    void aPasswordInTheQueryStringIsRefusedWithoutEchoingIt() throws Exception {
        URI named = URI.create(SERVER.loginUrl() + "?password=whatever");
        URI valueOnly = URI.create(SERVER.loginUrl() + "?p=plain-password");

        assertRefused(http.send(Http.loginRequest(named, Http.newIdentityToken(), CREDENTIALS)), 400,
                "password_in_url", "PASSWORD step: a password was sent in the query string");
        SERVER.resetCounters();
        HttpResponse<String> response = http.send(Http.loginRequest(valueOnly, Http.newIdentityToken(), CREDENTIALS));
        assertRefused(response, 400, "password_in_url", "PASSWORD step: a password was sent in the query string");
        assertThat(response.body()).doesNotContain("plain-password");
        assertThat(SERVER.counters().protocolViolations().toString()).doesNotContain("plain-password");
    }

    @Test
    void aNonJsonContentTypeIsRefused() throws Exception {
        HttpResponse<String> response = http.send(Http.loginRequest(SERVER.loginUrl(), Http.newIdentityToken(), CREDENTIALS)
                .setHeader("Content-Type", "application/x-www-form-urlencoded"));

        assertRefused(response, 415, "unsupported_media_type",
                "PASSWORD step: wrong content type 'application/x-www-form-urlencoded'");
    }

    @Test
    void anAcceptWithoutJsonIsRecorded() throws Exception {
        HttpResponse<String> response = http.send(Http.loginRequest(SERVER.loginUrl(), Http.newIdentityToken(), CREDENTIALS)
                .setHeader("Accept", "text/html"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVER.counters().protocolViolations()).singleElement().asString()
                .startsWith("PASSWORD step: Accept 'text/html' does not accept JSON");
    }

    @Test
    void aBodyWithoutTheFieldsOrNotJsonIsRefused() throws Exception {
        HttpResponse<String> missing = http.send(Http.loginRequest(SERVER.loginUrl(), Http.newIdentityToken(),
                Map.of("email", "plain@example.test")));
        HttpResponse<String> garbage = http.send(Http.loginRequest(SERVER.loginUrl(), Http.newIdentityToken(), Map.of())
                .POST(HttpRequest.BodyPublishers.ofString("email=a&password=b")));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Http.json(missing).get("error").asText()).isEqualTo("missing_field");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(SERVER.counters().protocolViolations()).containsExactly(
                "PASSWORD step: the login body has no text field 'password'",
                "PASSWORD step: the login body is not a JSON object");
    }

    @Test
    void anOversizedLoginBodyIsRefused() throws Exception {
        HttpResponse<String> response = http.send(Http.loginRequest(SERVER.loginUrl(), Http.newIdentityToken(), Map.of())
                .POST(HttpRequest.BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(LoginRequest.MAX_BODY_BYTES) + "\"}")));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void getOnTheLoginEndpointIsRefused() throws Exception {
        HttpResponse<String> response = http.send(Http.loginRequest(SERVER.loginUrl(), Http.newIdentityToken(), CREDENTIALS)
                .GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(SERVER.counters().protocolViolations()).first().asString()
                .isEqualTo("PASSWORD step: GET on the login endpoint; use POST");
    }

    @Test
    void otpStepViolationsNameTheStep() throws Exception {
        HttpResponse<String> response = http.send(Http.loginRequest(SERVER.otpUrl(), "Bearer x", Map.of()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SERVER.counters().protocolViolations()).first().asString()
                .startsWith("OTP step: a Bearer token was sent to the login endpoint");
        assertThat(SERVER.counters().otpSteps()).isEqualTo(1);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error, String violation) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(Http.json(response).get("error").asText()).isEqualTo(error);
        assertThat(SERVER.counters().protocolViolations()).singleElement().asString().startsWith(violation);
        assertThat(SERVER.counters().loginsSucceeded()).isZero();
    }
}
