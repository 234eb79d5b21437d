package dev.tokenkeeper.reliability.support;

import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.TokenSources;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.login.ProtocolLoginClient;
import dev.tokenkeeper.core.login.Sleeper;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.httpclient5.TargetScope;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.support.ClientOptions;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.MutableClock;
import dev.tokenkeeper.testkit.TestTotp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * One identity server over HTTPS (test CA, {@code localhost}) with a plain and an MFA user, and the
 * keepers and clients a test makes against it, closed together. Built on the interceptor suites'
 * {@link TestLogins} and {@link Way} clients.
 *
 * <p>Keepers are made as {@link TokenKeeper#create} makes them ({@link TokenSources#builder}, the
 * protocol login client, the default scope), with two test seams: the backoff jitter is drawn from a
 * seeded generator, so attempt counts are reproducible, and with a {@link MutableClock} the wait for
 * the next TOTP step advances the clock instead of sleeping.
 *
 * <p>On close the server's records (identityTokens, access tokens, protocol violations) go to
 * {@link SuiteEvidence} for the suite-wide secret check.
 */
public final class Rig implements AutoCloseable {

    public static final String MFA_USER = "mfa-user@example.test";
    public static final String MFA_PASSWORD = "mfa-Password-of-the-api-user-9";

    public final Clock clock;
    public final String totpSecret = TestTotp.randomSecret();
    public final IdentityServer server;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    private Rig(Clock clock, UnaryOperator<IdentityServer.Builder> server) {
        SuiteEvidence.start();
        SuiteEvidence.secret(TestLogins.PASSWORD);
        SuiteEvidence.secret(MFA_PASSWORD);
        SuiteEvidence.secret(totpSecret);
        this.clock = clock;
        this.server = server.apply(TestLogins.server(true).clock(clock).totpUser(MFA_USER, MFA_PASSWORD, totpSecret)).start();
    }

    /** A rig whose server and clients share {@code clock}. */
    public static Rig start(Clock clock, UnaryOperator<IdentityServer.Builder> server) {
        return new Rig(clock, server);
    }

    /** A rig on the system clock. */
    public static Rig start(UnaryOperator<IdentityServer.Builder> server) {
        return new Rig(Clock.systemUTC(), server);
    }

    /**
     * A configuration for the plain user (or the MFA user, with its TOTP secret) on this rig's clock,
     * trusting the test CA, with the given login timeouts.
     */
    public TokenKeeperConfig.Builder config(boolean mfa, Duration timeout) {
        TokenKeeperConfig.Builder config = TestLogins.config(server)
                .clock(clock)
                .connectTimeout(timeout)
                .responseTimeout(timeout);
        if (mfa) {
            config.username(MFA_USER)
                    .password(SecretSource.callback("test-mfa-password", MFA_PASSWORD::toCharArray))
                    .totpSecret(SecretSource.callback("test-totp-secret", totpSecret::toCharArray));
        }
        return config;
    }

    /** A keeper owning the token source {@code config} describes, with a seeded jitter; closed with the rig. */
    public TokenKeeper keeper(TokenKeeperConfig config, long seed) {
        return keeper(config, tokenSource(config, seed));
    }

    /** A keeper owning {@code tokens}, with the scope {@code config} describes; closed with the rig. */
    public TokenKeeper keeper(TokenKeeperConfig config, TokenSource tokens) {
        return own(TokenKeeper.owning(tokens, TargetScope.forLogin(config.loginUrl(), config.otpUrl(),
                config.targetHosts(), config.allowHttpLoopback())));
    }

    /** The token source {@link TokenKeeper#create} would make, with a seeded jitter (not owned by the rig). */
    public TokenSource tokenSource(TokenKeeperConfig config, long seed) {
        Sleeper sleeper = clock instanceof MutableClock mutable ? mutable::advance : Sleeper.SYSTEM;
        return TokenSources.builder(config, ProtocolLoginClient.builder(config).sleeper(sleeper).build())
                .random(new SplittableRandom(seed))
                .build();
    }

    /** A client of {@code way} for {@code keeper}; closed with the rig. */
    public TestClient client(TokenKeeper keeper, Way way) {
        return client(keeper, way, ClientOptions.DEFAULTS);
    }

    /** A client of {@code way} for {@code keeper}, built with {@code options}; closed with the rig. */
    public TestClient client(TokenKeeper keeper, Way way, ClientOptions options) {
        return own(way.open(keeper, options));
    }

    /** Closes {@code resource} with the rig, before the server. */
    public <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        return resource;
    }

    @Override
    public void close() {
        try {
            while (!owned.isEmpty()) {
                AutoCloseable resource = owned.pop();
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + resource + " failed", e);
                }
            }
        } finally {
            SuiteEvidence.harvest(server);
            server.close();
        }
    }
}
