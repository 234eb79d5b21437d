package dev.tokenkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.TokenKeeperClients;
import dev.tokenkeeper.httpclient5.TokenUnavailableException;
import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.reliability.support.Reports;
import dev.tokenkeeper.reliability.support.Rig;
import dev.tokenkeeper.reliability.support.SuiteEvidence;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.LoginStep;
import dev.tokenkeeper.testkit.MutableClock;
import dev.tokenkeeper.testkit.RecordingServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs after every other class of the suite (see {@code junit-platform.properties}) and checks what they
 * all produced, with tokenkeeper, the testkit and HttpClient logging at DEBUG the whole time
 * ({@link SuiteEvidence}): no log line, exception message or {@code toString()} contains a password, a
 * TOTP secret, an identityToken or an access token, nor anything shaped like a JWT; no server saw a
 * protocol violation (a password in a URL is one). It first runs one scenario of its own that touches
 * every path (MFA with a refused code, a replay after a revoke, a redirect out of scope, refused
 * credentials, the classic and the async client), so it also proves something when run alone.
 *
 * <p>One deliberate exception: HttpClient's wire log ({@code org.apache.hc.client5.http.wire}) prints the
 * bytes of every API request, bearer token included; that is HttpClient's behaviour for the user's own
 * clients, and it must stay off in production. It is still checked for the login's secrets: the login
 * client writes nothing to it at all.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsAcrossTheSuiteTest {

    /** Three base64url parts, the first two JSON objects ("eyJ" is the encoding of '{"'). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    @Test
    @Order(1)
    void aScenarioThatTouchesEveryPath() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:10Z"));
        try (Rig rig = Rig.start(clock, s -> s); RecordingServer foreign = RecordingServer.start(true, "127.0.0.1")) {
            TokenKeeperConfig config = rig.config(true, Duration.ofSeconds(2)).build();
            TokenKeeper keeper = rig.keeper(config, 9);
            TestClient classic = rig.client(keeper, Way.CONFIGURED_CLASSIC);
            TestClient async = rig.client(keeper, Way.CONFIGURED_ASYNC);
            rig.server.injectFault(LoginStep.OTP, Fault.status(401), 1); // the first code is refused, the next accepted

            assertThat(classic.send(Req.get(rig.server.apiUrl("/api/echo/first"))).status()).isEqualTo(200);
            rig.server.revokeAllTokens();
            assertThat(async.send(Req.post(rig.server.apiUrl("/api/echo/replayed"), "{\"n\":1}")).status()).isEqualTo(200);
            String away = URLEncoder.encode(foreign.uri("/elsewhere").toString(), StandardCharsets.UTF_8);
            assertThat(classic.send(Req.get(rig.server.apiUrl("/api/redirect?status=302&to=" + away))).status()).isEqualTo(200);
            assertThat(foreign.requests()).singleElement().satisfies(r -> assertThat(r.header("Authorization")).isNull());
            SuiteEvidence.text(keeper.tokenSource().current());
            SuiteEvidence.text(keeper.targetScope());
            SuiteEvidence.text(keeper);
            SuiteEvidence.text(keeper.stats());
            assertThat(keeper.stats().replays()).isEqualTo(1);
            // the injected refusal, and after the revoke the same TOTP step's code again (already used): both
            // answered with the next step's code
            assertThat(rig.server.counters().otpRejected()).isEqualTo(2);

            try (TokenKeeperClients refused = TokenKeeperClients.fromConfig(rig.config(false, Duration.ofSeconds(2))
                    .password(SecretSource.callback("wrong test password", AccountSafetyTest.WRONG_PASSWORD::toCharArray))
                    .build())) {
                SuiteEvidence.secret(AccountSafetyTest.WRONG_PASSWORD);
                SuiteEvidence.text(refused);
                SuiteEvidence.text(refused.config());
                TestClient client = rig.client(refused.keeper(), Way.CONFIGURED_ASYNC);
                assertThatThrownBy(() -> client.send(Req.get(rig.server.apiUrl("/api/echo/refused"))))
                        .isInstanceOf(TokenUnavailableException.class)
                        .satisfies(SuiteEvidence::exception);
                client.close();
            }
        }
    }

    @Test
    @Order(2)
    void noSecretAndNoTokenInAnyLogLineMessageOrToString() {
        List<String> lines = SuiteEvidence.logLines();
        List<String> texts = SuiteEvidence.texts();
        Set<String> secrets = SuiteEvidence.secrets();
        Set<String> tokens = SuiteEvidence.accessTokens();

        // the evidence is real: the capture saw logins, refusals, HttpClient's header and wire logs, servers gave tokens
        assertThat(lines).hasSizeGreaterThan(100)
                .anyMatch(l -> l.contains("Logged in"))
                .anyMatch(l -> l.contains("Login refused"))
                .anyMatch(l -> l.contains("org.apache.hc.client5.http.headers") && l.contains("Authorization: Bearer <"))
                .anyMatch(l -> l.contains(SuiteEvidence.WIRE_LOGGER));
        assertThat(secrets.stream().filter(s -> s.length() >= 40)).as("identityTokens collected").hasSizeGreaterThanOrEqualTo(3);
        assertThat(tokens).as("access tokens collected").hasSizeGreaterThan(1)
                .anyMatch(t -> JWT.matcher(t).matches()); // the pattern recognises the real thing
        assertThat(texts).hasSizeGreaterThan(5);

        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            boolean wire = line.contains(" " + SuiteEvidence.WIRE_LOGGER + " - ");
            secrets.stream().filter(line::contains).forEach(s -> leaks.add("secret in log line: " + line));
            if (wire) {
                if (line.contains("/account/login")) {
                    leaks.add("the login in HttpClient's wire log: " + line);
                }
                continue;
            }
            tokens.stream().filter(t -> line.contains(t) || line.contains(signature(t))).forEach(t -> leaks.add("token in log line: " + line));
            if (JWT.matcher(line).find()) {
                leaks.add("JWT-shaped text in log line: " + line);
            }
        }
        for (String text : texts) {
            secrets.stream().filter(text::contains).forEach(s -> leaks.add("secret in message or toString: " + text));
            tokens.stream().filter(text::contains).forEach(t -> leaks.add("token in message or toString: " + text));
            if (JWT.matcher(text).find()) {
                leaks.add("JWT-shaped text in message or toString: " + text);
            }
        }
        Reports.write("secrets.md", "| checked | count |\n|---|---|\n"
                + "| log lines captured (tokenkeeper, testkit, HttpClient incl. headers and wire) | " + lines.size() + " |\n"
                + "| exception messages and toString() values | " + texts.size() + " |\n"
                + "| passwords, TOTP secrets and identityTokens looked for | " + secrets.size() + " |\n"
                + "| access tokens looked for (and anything JWT-shaped) | " + tokens.size() + " |\n"
                + "| identity servers whose protocol checks were collected | " + SuiteEvidence.serversHarvested() + " |\n"
                + "| leaks found | " + leaks.size() + " |\n");
        assertThat(leaks).isEmpty();
    }

    @Test
    @Order(3)
    void noServerOfTheSuiteSawAProtocolViolationSoNoPasswordInAUrl() {
        assertThat(SuiteEvidence.serversHarvested()).isPositive();
        assertThat(SuiteEvidence.protocolViolations()).isEmpty();
    }

    private static String signature(String token) {
        int dot = token.lastIndexOf('.');
        return dot < 0 || dot == token.length() - 1 ? token : token.substring(dot + 1);
    }
}
