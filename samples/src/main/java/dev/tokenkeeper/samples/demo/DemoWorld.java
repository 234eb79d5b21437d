package dev.tokenkeeper.samples.demo;

import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.TokenSources;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.login.ProtocolLoginClient;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.httpclient5.TargetScope;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.TokenKeeperStats;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.RecordingServer;
import dev.tokenkeeper.testkit.TestPki;
import dev.tokenkeeper.testkit.TestTotp;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/**
 * Everything the demo runs on, in this process: the identity server (HTTPS, test CA), a foreign server
 * for the redirect, and a tokenkeeper-configured HttpClient that trusts the test CA through a trust
 * store, the way a user trusts a private CA. Verification stays on.
 */
final class DemoWorld implements AutoCloseable {

    static final String USER = "demo@tokenkeeper.test";

    final TimeLapseClock clock;
    final IdentityServer identity;
    final RecordingServer foreign;
    final TokenKeeperConfig config;
    final TokenKeeper keeper;
    final CloseableHttpClient http;
    /** The demo user's password, held by the demo's "vault"; wiped on close. */
    private final char[] password;

    private DemoWorld(TimeLapseClock clock, IdentityServer identity, RecordingServer foreign, char[] password,
                      String totpSecret, DemoSettings settings) {
        this.clock = clock;
        this.identity = identity;
        this.foreign = foreign;
        this.password = password;
        // The secrets reach tokenkeeper through callbacks, as from a vault; a properties file would say
        // env:NAME, file:PATH or sysprop:NAME. Never a literal.
        this.config = TokenKeeperConfig.builder()
                .loginUrl(identity.loginUrl())
                .username(USER)
                .password(SecretSource.callback("demo vault: password", password::clone))
                .totpSecret(SecretSource.callback("demo vault: TOTP secret", totpSecret::toCharArray))
                .refreshBeforeExpiry(settings.refreshBeforeExpiry())
                .expiryMargin(settings.expiryMargin())
                .trustStore(TestPki.trustStoreFile())
                .trustStorePassword(SecretSource.callback("testkit trust store password", TestPki::trustStorePassword))
                .clock(clock)
                .build();
        // The login waits for the next TOTP step after a refused code; on the demo clock that wait is
        // shorter in real time. (The demo spaces its logins so that this does not happen.)
        ProtocolLoginClient login = ProtocolLoginClient.builder(config)
                .sleeper(wait -> clock.sleepUntil(clock.instant().plus(wait)))
                .build();
        TokenSource tokens = TokenSources.create(config, login);
        this.keeper = TokenKeeper.owning(tokens,
                TargetScope.forLogin(config.loginUrl(), config.otpUrl(), config.targetHosts(), config.allowHttpLoopback()));
        this.http = keeper.configure(HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setTlsSocketStrategy(config.tls().createTlsStrategy())
                                .build()))
                .build();
    }

    static DemoWorld start(TimeLapseClock clock, DemoSettings settings) {
        char[] password = randomPassword();
        String totpSecret = TestTotp.randomSecret();
        IdentityServer identity = IdentityServer.builder()
                .clock(clock)
                .tokenLifetime(settings.tokenLifetime())
                .totpUser(USER, new String(password), totpSecret)
                .start();
        RecordingServer foreign = null;
        try {
            // Another host name (127.0.0.1, not localhost) and another port: outside the token's scope.
            foreign = RecordingServer.start(true, "127.0.0.1");
            return new DemoWorld(clock, identity, foreign, password, totpSecret, settings);
        } catch (RuntimeException e) {
            identity.close();
            if (foreign != null) {
                foreign.close();
            }
            throw e;
        }
    }

    /** What the token source and the interceptor counted so far. */
    TokenKeeperStats stats() {
        return keeper.stats();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // Closing a pool of loopback connections; nothing to report in a demo that is ending.
        }
        keeper.close();
        foreign.close();
        identity.close();
        Arrays.fill(password, '\0');
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toCharArray();
    }
}
