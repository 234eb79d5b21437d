package dev.tokenkeeper.benchmarks.driver;

import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.testkit.IdentityServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The real login path on loopback, set up the way a user sets it up: a testkit {@link IdentityServer}
 * (plain HTTP on loopback, so TLS does not blur the figures) with one user whose password is random per
 * run, and a {@link TokenKeeper} made by {@link TokenKeeper#create(TokenKeeperConfig)} from a
 * configuration with the default refresh policy. Closing it closes the keeper (and so its token source)
 * and the server.
 */
public final class TestkitLogin implements AutoCloseable {

    private static final String USER = "bench@example.test";

    private final IdentityServer server;
    private final TokenKeeper keeper;

    private TestkitLogin(IdentityServer server, TokenKeeper keeper) {
        this.server = server;
        this.keeper = keeper;
    }

    /**
     * Starts an identity server issuing tokens of {@code tokenLifetime}, and a keeper with no token yet
     * that sends its token to the identity server's own protected API (the default scope).
     */
    public static TestkitLogin start(Duration tokenLifetime) {
        return start(tokenLifetime, List.of());
    }

    /** Like {@link #start(Duration)}, with {@code targetHosts} ({@code host:port}) as the keeper's scope. */
    public static TestkitLogin start(Duration tokenLifetime, List<String> targetHosts) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        IdentityServer server = IdentityServer.builder()
                .https(false)
                .user(USER, password)
                .tokenLifetime(tokenLifetime)
                .start();
        try {
            TokenKeeperConfig config = TokenKeeperConfig.builder()
                    .loginUrl(server.loginUrl())
                    .username(USER)
                    .password(SecretSource.callback("benchmark password", password::toCharArray))
                    .targetHosts(targetHosts)
                    .allowHttpLoopback(true)
                    .build();
            return new TestkitLogin(server, TokenKeeper.create(config));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public IdentityServer server() {
        return server;
    }

    public TokenKeeper keeper() {
        return keeper;
    }

    public TokenSource tokenSource() {
        return keeper.tokenSource();
    }

    @Override
    public void close() {
        try {
            keeper.close();
        } finally {
            server.close();
        }
    }
}
