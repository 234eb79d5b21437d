package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.testing.LoginFixture;
import static dev.tokenkeeper.core.testing.LoginFixture.MFA_PASSWORD;
import static dev.tokenkeeper.core.testing.LoginFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.TokenKeeperException;
import dev.tokenkeeper.testkit.LogCapture;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.LoginStep;
import dev.tokenkeeper.testkit.RecordingServer;
import dev.tokenkeeper.testkit.TestPki;
import dev.tokenkeeper.testkit.TokenStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.junit.jupiter.api.Test;

/**
 * With every logger that could see a login at DEBUG (ours, and HttpClient's wire and header logs), a
 * mix of successful and failing logins leaves no password, TOTP secret, identity token or JWT in any
 * log line or exception message.
 */
class LoginSecretsInLogsTest {

    private final LoginFixture fixture = new LoginFixture();

    @Test
    void noSecretReachesALogLineOrAnExceptionMessage() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, MFA_PASSWORD, fixture.totpSecret));
        List<String> messages = new ArrayList<>();
        String logs;
        try (LogCapture capture = LogCapture.atDebug("dev.tokenkeeper", "org.apache.hc");
             IdentityServer server = fixture.server().start();
             RecordingServer recorder = RecordingServer.start(true, "localhost");
             ProtocolLoginClient plain = fixture.client(fixture.config(server));
             ProtocolLoginClient mfa = fixture.client(fixture.mfaConfig(server));
             ProtocolLoginClient recorded = fixture.client(fixture.config(recorder.uri("/account/login")))) {

            AccessToken plainToken = plain.login();
            AccessToken mfaToken = mfa.login();
            AccessToken retriedMfaToken = mfa.login(); // same TOTP step: refused once, waits, retries
            secrets.add(plainToken.value());
            secrets.add(mfaToken.value());
            secrets.add(retriedMfaToken.value());

            server.injectFault(LoginStep.PASSWORD, Fault.status(401), 1);
            server.injectFault(LoginStep.PASSWORD, Fault.status(503), 1);
            server.injectFault(LoginStep.PASSWORD, Fault.nonJson(), 1);
            server.injectFault(LoginStep.PASSWORD, Fault.oversizedBody(100_000), 1);
            server.injectFault(LoginStep.OTP, Fault.status(401), 2);
            for (ProtocolLoginClient client : List.of(plain, plain, plain, plain, mfa)) {
                messages.add(messageChainOf(client));
            }
            server.setTokenStyle(TokenStyle.NOT_A_JWT);
            messages.add(messageChainOf(plain));

            // Against the recorder we learn the identity token that was sent, and check it was not logged.
            messages.add(messageChainOf(recorded));
            String identityToken = recorder.requests().get(0).header("Authorization");
            assertThat(identityToken).hasSize(43);
            secrets.add(identityToken);

            // Proof that the capture sees HttpClient's wire log: a stock client's request shows up in it.
            try (CloseableHttpClient stock = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setTlsSocketStrategy(new DefaultClientTlsStrategy(TestPki.clientSslContext())).build())
                    .build()) {
                stock.execute(new HttpGet(server.apiUrl("/api/echo/wire-log-probe")), response -> null);
            }
            logs = capture.text();
        }

        assertThat(logs).contains("Login password step: POST https://localhost:")
                .contains("Login one-time code step: code refused (401)")
                .contains("/api/echo/wire-log-probe"); // the stock client's wire/header log lines
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
            assertThat(messages).noneMatch(message -> message.contains(secret));
        }
        assertThat(logs).doesNotContainPattern("eyJ[A-Za-z0-9_-]+\\.eyJ"); // no JWT of any kind
    }

    private static String messageChainOf(ProtocolLoginClient client) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(client::login);
        assertThat(thrown).isInstanceOf(TokenKeeperException.class);
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            chain.append(t).append(" | ");
        }
        return chain.toString();
    }

    @Test
    void aFailedLoginIsLoggedAtDebugOnlyByTheLoginClient() throws Exception {
        try (LogCapture capture = LogCapture.atDebug("dev.tokenkeeper.core.login");
             IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.config(server).responseTimeout(Duration.ofMillis(400)))) {
            server.injectFault(LoginStep.PASSWORD, Fault.noAnswer(), 1);
            assertThatThrownBy(client::login).isInstanceOf(TokenKeeperException.class);
            client.login();

            assertThat(capture.lines()).isNotEmpty().allMatch(line -> line.startsWith("DEBUG"));
            assertThat(capture.text()).contains("failed after").contains("SocketTimeoutException").contains("-> 200 in");
        }
    }
}
