package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protected API: zero-leeway expiry on the server's clock, revocation, token styles, helper endpoints. */
class ApiTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final IdentityServer server = IdentityServer.builder()
            .https(false).hostName("127.0.0.1")
            .clock(clock).tokenLifetime(Duration.ofSeconds(2))
            .user("plain@example.test", "plain-password")
            .start();
    private final Http http = new Http();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void echoesTheRequestAndTheTokensClaims() throws Exception {
        String token = login();
        DecodedJWT jwt = JWT.decode(token);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.apiUrl("/api/echo/a/b?c=d"))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("12345")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = Http.json(response);
        assertThat(echo.get("method").asText()).isEqualTo("PUT");
        assertThat(echo.get("path").asText()).isEqualTo("/api/echo/a/b");
        assertThat(echo.get("query").asText()).isEqualTo("c=d");
        assertThat(echo.get("bodyLength").asInt()).isEqualTo(5);
        assertThat(echo.get("sub").asText()).isEqualTo("plain@example.test");
        assertThat(echo.get("jti").asText()).isEqualTo(jwt.getId());
        assertThat(server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(1);
        assertThat(server.counters().authorizationHeadersSeen()).containsExactly("Bearer " + token);
    }

    @Test
    void refusesAtExpWithZeroLeeway() throws Exception {
        String token = login();
        Instant exp = JWT.decode(token).getExpiresAtAsInstant();
        assertThat(exp).isEqualTo(START.plusSeconds(2));

        clock.set(exp.minusNanos(1));
        assertThat(echo(token).statusCode()).isEqualTo(200);

        clock.set(exp);
        HttpResponse<String> expired = echo(token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer ").contains("error=\"invalid_token\"");
        assertThat(server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(1);
        assertThat(server.counters().apiCalls(ApiOutcome.EXPIRED_TOKEN)).isEqualTo(1);
        assertThat(server.counters().apiCallsTotal()).isEqualTo(2);
    }

    @Test
    void theClockOffsetMovesIssueAndValidation() throws Exception {
        server.setClockOffset(Duration.ofMinutes(10));
        DecodedJWT ahead = JWT.decode(login());
        assertThat(ahead.getIssuedAtAsInstant()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(echo(ahead.getToken()).statusCode()).isEqualTo(200);

        server.setClockOffset(Duration.ofMinutes(-10));
        DecodedJWT behind = JWT.decode(login());
        assertThat(behind.getExpiresAtAsInstant()).isEqualTo(START.minus(Duration.ofMinutes(10)).plusSeconds(2));
        assertThat(echo(behind.getToken()).statusCode()).isEqualTo(200);
        // Back on the base clock, the token made 10 min behind is long expired.
        server.setClockOffset(Duration.ZERO);
        assertThat(echo(behind.getToken()).statusCode()).isEqualTo(401);
        assertThat(server.serverNow()).isEqualTo(START);
    }

    @Test
    void revokeRefusesEveryEarlierTokenButNotLaterOnes() throws Exception {
        String first = login();
        String second = login();
        server.revokeAllTokens();
        String third = login();

        assertThat(echo(first).statusCode()).isEqualTo(401);
        assertThat(echo(second).statusCode()).isEqualTo(401);
        assertThat(echo(third).statusCode()).isEqualTo(200);
        assertThat(server.counters().apiCalls(ApiOutcome.REVOKED_TOKEN)).isEqualTo(2);
    }

    @Test
    void missingOrForeignTokensAreRefused() throws Exception {
        String token = login();
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        String foreign;
        try (IdentityServer other = IdentityServer.builder().https(false).user("plain@example.test", "p").start()) {
            foreign = http.login(other, "plain@example.test", "p");
        }

        HttpResponse<String> missing = http.get(server.apiUrl("/api/echo/x"), null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tokenkeeper-testkit\"");
        assertThat(echo(tampered).statusCode()).isEqualTo(401);
        assertThat(echo(foreign).statusCode()).isEqualTo(401);
        assertThat(echo("not-a-token").statusCode()).isEqualTo(401);
        assertThat(http.get(server.apiUrl("/api/echo/x"), token).statusCode()).as("no Bearer prefix").isEqualTo(401);

        assertThat(server.counters().apiCalls(ApiOutcome.MISSING_TOKEN)).isEqualTo(1);
        assertThat(server.counters().apiCalls(ApiOutcome.INVALID_TOKEN)).isEqualTo(4);
        assertThat(server.counters().authorizationHeadersSeen()).hasSize(4);
    }

    @Test
    void noExpTokensLiveUntilRevoked() throws Exception {
        server.setTokenStyle(TokenStyle.NO_EXP);
        DecodedJWT jwt = JWT.decode(login());
        assertThat(jwt.getExpiresAt()).isNull();
        assertThat(jwt.getIssuedAt()).isNotNull();

        clock.advance(Duration.ofDays(365));
        assertThat(echo(jwt.getToken()).statusCode()).isEqualTo(200);
        server.revokeAllTokens();
        assertThat(echo(jwt.getToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void noIatTokensCarryExpOnly() throws Exception {
        server.setTokenStyle(TokenStyle.NO_IAT);
        DecodedJWT jwt = JWT.decode(login());

        assertThat(jwt.getIssuedAt()).isNull();
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(START.plusSeconds(2));
        assertThat(echo(jwt.getToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void alreadyExpiredTokensAreExpiredOnEveryClock() throws Exception {
        server.setTokenStyle(TokenStyle.ALREADY_EXPIRED);
        DecodedJWT jwt = JWT.decode(login());

        assertThat(jwt.getExpiresAtAsInstant()).isBefore(jwt.getIssuedAtAsInstant()).isBefore(START.plusNanos(1));
        assertThat(echo(jwt.getToken()).statusCode()).isEqualTo(401);
        assertThat(server.counters().apiCalls(ApiOutcome.EXPIRED_TOKEN)).isEqualTo(1);
    }

    @Test
    void opaqueTokensAreAcceptedForTheirLifetime() throws Exception {
        server.setTokenStyle(TokenStyle.NOT_A_JWT);
        String token = login();
        assertThat(token).doesNotContain(".").hasSizeGreaterThanOrEqualTo(40);

        assertThat(echo(token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertThat(echo(token).statusCode()).isEqualTo(401);
        assertThat(server.counters().apiCalls(ApiOutcome.EXPIRED_TOKEN)).isEqualTo(1);
    }

    @Test
    void statusEndpointAnswersTheRequestedStatusOnlyWithAValidToken() throws Exception {
        String token = login();

        assertThat(http.get(server.apiUrl("/api/status/403"), "Bearer " + token).statusCode()).isEqualTo(403);
        assertThat(http.get(server.apiUrl("/api/status/204"), "Bearer " + token).statusCode()).isEqualTo(204);
        assertThat(http.get(server.apiUrl("/api/status/503"), null).statusCode()).isEqualTo(401);
        assertThat(server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(2);
    }

    @Test
    void redirectEndpointRedirectsAndRecordsTheAuthorizationItSaw() throws Exception {
        String target = "https://127.0.0.1:1/elsewhere?x=1";
        HttpResponse<String> withToken = http.get(server.apiUrl("/api/redirect?status=307&to="
                + URLEncoder.encode(target, StandardCharsets.UTF_8)), "Bearer abc");
        HttpResponse<String> without = http.get(server.apiUrl("/api/redirect?to=%2Fapi%2Fecho%2Fx"), null);

        assertThat(withToken.statusCode()).isEqualTo(307);
        assertThat(withToken.headers().firstValue("Location")).hasValue(target);
        assertThat(without.statusCode()).isEqualTo(302);
        assertThat(without.headers().firstValue("Location")).hasValue("/api/echo/x");
        assertThat(server.counters().redirectAuthorizationHeadersSeen()).containsExactly("Bearer abc", "");
        assertThat(server.counters().apiCallsTotal()).isZero();
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertThat(http.get(server.apiUrl("/nothing"), null).statusCode()).isEqualTo(404);
        assertThat(http.get(server.apiUrl("/api/echoes"), null).statusCode()).isEqualTo(404);
        assertThat(http.get(server.apiUrl("/account/login/other"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void resetCountersStartsFromZero() throws Exception {
        echo(login());
        server.resetCounters();

        ServerCounters counters = server.counters();
        assertThat(counters.loginsAttempted()).isZero();
        assertThat(counters.loginsSucceeded()).isZero();
        assertThat(counters.apiCallsTotal()).isZero();
        assertThat(counters.authorizationHeadersSeen()).isEmpty();
        assertThat(counters.distinctIdentityTokens()).isZero();
        assertThat(counters.maxConcurrentLogins()).isZero();
    }

    @Test
    void lifetimesBelowOneSecondAreRefusedAndChangesApplyToTheNextToken() throws Exception {
        assertThatThrownBy(() -> server.setTokenLifetime(Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 s");
        assertThatThrownBy(() -> IdentityServer.builder().tokenLifetime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);

        server.setTokenLifetime(Duration.ofMinutes(1));
        assertThat(JWT.decode(login()).getExpiresAtAsInstant()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void reportsTheConfiguredHostNameAndListensOnLoopback() throws Exception {
        try (IdentityServer other = IdentityServer.builder().https(false).hostName("wrong.example.test").start()) {
            assertThat(other.baseUri()).isEqualTo(java.net.URI.create("http://wrong.example.test:" + other.port()));
            assertThat(other.apiUrl("/api/echo/x?y=1").toString()).endsWith(":" + other.port() + "/api/echo/x?y=1");
            assertThat(http.get(java.net.URI.create("http://127.0.0.1:" + other.port() + "/api/echo/x"), null)
                    .statusCode()).isEqualTo(401);
        }
    }

    private String login() throws Exception {
        return http.login(server, "plain@example.test", "plain-password");
    }

    private HttpResponse<String> echo(String token) throws Exception {
        return http.get(server.apiUrl("/api/echo/x"), "Bearer " + token);
    }
}
