package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.error.TokenSourceClosedException;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.testkit.ApiOutcome;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.RecordingServer;
import dev.tokenkeeper.testkit.TestPki;
import java.io.IOException;
import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ready clients from a properties file: TLS from the trust store keys, one shared login, typed errors. */
class TokenKeeperClientsTest {

    private final String passwordProperty = "tokenkeeper.test.password." + UUID.randomUUID();
    private final String trustStorePasswordProperty = "tokenkeeper.test.truststore." + UUID.randomUUID();
    private IdentityServer server;

    @BeforeEach
    void start() {
        server = TestLogins.server(true).start();
        System.setProperty(passwordProperty, TestLogins.PASSWORD);
        System.setProperty(trustStorePasswordProperty, new String(TestPki.trustStorePassword()));
    }

    @AfterEach
    void stop() {
        System.clearProperty(passwordProperty);
        System.clearProperty(trustStorePasswordProperty);
        server.close();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("tokenkeeper.login.url", server.loginUrl().toString());
        p.setProperty("tokenkeeper.login.username", TestLogins.USER);
        p.setProperty("tokenkeeper.login.password", "sysprop:" + passwordProperty);
        p.setProperty("tokenkeeper.tls.trust-store", TestPki.trustStoreFile().toString());
        p.setProperty("tokenkeeper.tls.trust-store-password", "sysprop:" + trustStorePasswordProperty);
        p.setProperty("tokenkeeper.http.connect-timeout", "2s");
        p.setProperty("tokenkeeper.http.response-timeout", "5s");
        return p;
    }

    @Test
    void classicAsyncAndBuilderClientsShareOneLogin() throws Exception {
        try (TokenKeeperClients clients = TokenKeeperClients.fromProperties(properties());
             CloseableHttpClient classic = clients.classicClient();
             CloseableHttpAsyncClient async = clients.asyncClient();
             CloseableHttpClient custom = clients.classicBuilder().disableAutomaticRetries().setUserAgent("custom").build()) {

            assertThat(status(classic, server.apiUrl("/api/echo/classic"))).isEqualTo(200);
            SimpleHttpResponse asyncReply = async.execute(SimpleRequestBuilder.get(server.apiUrl("/api/echo/async")).build(), null)
                    .get(10, TimeUnit.SECONDS);
            assertThat(asyncReply.getCode()).isEqualTo(200);
            assertThat(status(custom, server.apiUrl("/api/echo/custom"))).isEqualTo(200);

            assertThat(server.counters().apiCalls(ApiOutcome.OK)).isEqualTo(3);
            assertThat(server.counters().loginsAttempted()).isEqualTo(1);
            assertThat(clients.keeper().stats().tokenSource().logins()).isEqualTo(1);
        }
    }

    /** The API clients verify certificates against the configured trust store, host names included. */
    @ParameterizedTest
    @EnumSource(value = TestPki.Certificate.class, names = {"UNTRUSTED_CA", "WRONG_HOST"})
    void apiClientsRefuseServersTheTrustStoreDoesNotVouchFor(TestPki.Certificate certificate) throws Exception {
        try (RecordingServer impostor = RecordingServer.start(true, "localhost", certificate);
             TokenKeeperClients clients = TokenKeeperClients.fromProperties(properties());
             CloseableHttpClient classic = clients.classicClient()) {

            assertThatThrownBy(() -> status(classic, impostor.uri("/x")))
                    .isInstanceOf(SSLException.class);
            assertThat(impostor.requests()).isEmpty();
        }
    }

    @Test
    void aClientUsedAfterCloseFailsWithATypedError() throws Exception {
        TokenKeeperClients clients = TokenKeeperClients.fromProperties(properties());
        try (CloseableHttpClient classic = clients.classicClient()) {
            clients.close();

            assertThatThrownBy(() -> status(classic, server.apiUrl("/api/echo/late")))
                    .isInstanceOf(TokenUnavailableException.class)
                    .hasCauseInstanceOf(TokenSourceClosedException.class);
        }
    }

    @Test
    void invalidPropertiesNameTheKey() {
        Properties p = properties();
        p.remove("tokenkeeper.login.url");

        assertThatThrownBy(() -> TokenKeeperClients.fromProperties(p))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tokenkeeper.login.url");
    }

    private static int status(CloseableHttpClient client, URI uri) throws IOException {
        return client.execute(new HttpGet(uri), HttpResponse::getCode);
    }
}
