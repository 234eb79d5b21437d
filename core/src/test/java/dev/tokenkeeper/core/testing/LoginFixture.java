package dev.tokenkeeper.core.testing;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.login.ProtocolLoginClient;
import dev.tokenkeeper.core.login.Sleeper;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.MutableClock;
import dev.tokenkeeper.testkit.TestPki;
import dev.tokenkeeper.testkit.TestTotp;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The parts every login test shares: users, a controllable clock for both the server and the client,
 * a configuration trusting the test CA, and a sleeper that advances the clock instead of sleeping.
 */
public final class LoginFixture {

    public static final String USER = "api-user@example.test";
    public static final String PASSWORD = "correct-horse-Battery-staple-7";
    public static final String MFA_USER = "mfa-user@example.test";
    public static final String MFA_PASSWORD = "mfa-Password-of-the-api-user-9";

    /** Short enough that a test hitting one stays fast, long enough for a cold TLS handshake. */
    public static final Duration TIMEOUT = Duration.ofMillis(1500);

    public final String totpSecret = TestTotp.randomSecret();
    public final MutableClock clock = MutableClock.startingNow();
    /** Every wait the login asked for; the clock is advanced by it instead of sleeping. */
    public final List<Duration> waits = new CopyOnWriteArrayList<>();
    public final Sleeper sleeper = duration -> {
        waits.add(duration);
        clock.advance(duration);
    };

    public IdentityServer.Builder server() {
        return IdentityServer.builder()
                .clock(clock)
                .tokenLifetime(Duration.ofMinutes(1))
                .user(USER, PASSWORD)
                .totpUser(MFA_USER, MFA_PASSWORD, totpSecret);
    }

    public TokenKeeperConfig.Builder config(URI loginUrl) {
        return TokenKeeperConfig.builder()
                .loginUrl(loginUrl)
                .username(USER)
                .password(SecretSource.callback("test-password", PASSWORD::toCharArray))
                .trustStore(TestPki.trustStoreFile())
                .trustStorePassword(SecretSource.callback("test-truststore-password", TestPki::trustStorePassword))
                .connectTimeout(TIMEOUT)
                .responseTimeout(TIMEOUT)
                .clock(clock);
    }

    public TokenKeeperConfig.Builder config(IdentityServer server) {
        return config(server.loginUrl());
    }

    public TokenKeeperConfig.Builder mfaConfig(IdentityServer server) {
        return config(server)
                .username(MFA_USER)
                .password(SecretSource.callback("test-mfa-password", MFA_PASSWORD::toCharArray))
                .totpSecret(SecretSource.callback("test-totp-secret", totpSecret::toCharArray));
    }

    public ProtocolLoginClient client(TokenKeeperConfig.Builder config) {
        return ProtocolLoginClient.builder(config.build()).sleeper(sleeper).build();
    }
}
