package dev.tokenkeeper.httpclient5.support;

import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.TokenSources;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.TestPki;
import java.time.Duration;

/**
 * The real thing the suites log in with: the core's protocol login client against a testkit
 * {@link IdentityServer}, trusting the test CA, behind its refreshing token source
 * ({@link TokenSources#create}).
 */
public final class TestLogins {

    public static final String USER = "api-user@example.test";
    public static final String PASSWORD = "correct-horse-Battery-staple-7";

    /** Long enough for a cold TLS handshake and the 2 s slow-login fault, short enough to fail fast. */
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(5);

    private TestLogins() {
    }

    /** An identity server with the test user; HTTPS presents the test CA's {@code localhost} certificate. */
    public static IdentityServer.Builder server(boolean https) {
        return IdentityServer.builder().https(https).user(USER, PASSWORD);
    }

    /** A configuration that logs in at {@code server} as the test user; http allowed for an http server. */
    public static TokenKeeperConfig.Builder config(IdentityServer server) {
        return config(server, PASSWORD);
    }

    public static TokenKeeperConfig.Builder config(IdentityServer server, String password) {
        return TokenKeeperConfig.builder()
                .loginUrl(server.loginUrl())
                .username(USER)
                .password(SecretSource.callback("test-password", password::toCharArray))
                .trustStore(TestPki.trustStoreFile())
                .trustStorePassword(SecretSource.callback("test-truststore-password", TestPki::trustStorePassword))
                .connectTimeout(LOGIN_TIMEOUT)
                .responseTimeout(LOGIN_TIMEOUT)
                .allowHttpLoopback("http".equals(server.baseUri().getScheme()));
    }

    /** A real token source for {@code server}, default refresh policy. */
    public static TokenSource tokenSource(IdentityServer server) {
        return tokenSource(config(server).build());
    }

    /** A real token source for a configuration. */
    public static TokenSource tokenSource(TokenKeeperConfig config) {
        return TokenSources.create(config);
    }
}
