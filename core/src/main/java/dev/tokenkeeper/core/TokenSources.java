package dev.tokenkeeper.core;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.lifecycle.RefreshingTokenSource;
import dev.tokenkeeper.core.login.LoginClient;
import dev.tokenkeeper.core.login.ProtocolLoginClient;
import java.time.Duration;

/**
 * Creates the token source a configuration describes: the protocol login client on the library's own
 * HttpClient, kept fresh by a {@link RefreshingTokenSource}.
 *
 * <pre>{@code
 * TokenKeeperConfig config = TokenKeeperConfig.fromProperties(properties);
 * try (TokenSource tokens = TokenSources.create(config)) {
 *     String header = tokens.current().authorizationHeaderValue();
 * }
 * }</pre>
 */
public final class TokenSources {

    /** Requests one login may make: password step, code step, and the code step once more. Plus one for slack. */
    private static final int REQUESTS_PER_LOGIN = 4;
    /** One time step of a standard TOTP: a refused code waits at most this for the next one. */
    private static final Duration OTP_STEP = Duration.ofSeconds(30);

    private TokenSources() {
    }

    /** A token source logging in with {@link ProtocolLoginClient}; closing it closes the login client. */
    public static RefreshingTokenSource create(TokenKeeperConfig config) {
        return create(config, ProtocolLoginClient.create(config));
    }

    /**
     * A token source for {@code loginClient}, with the configuration's refresh policy and clock. Use it
     * to plug in a login for another kind of endpoint.
     */
    public static RefreshingTokenSource create(TokenKeeperConfig config, LoginClient loginClient) {
        return RefreshingTokenSource.builder(loginClient)
                .policy(config.refreshPolicy())
                .clock(config.clock())
                .maxWait(loginWaitBound(config))
                .build();
    }

    /**
     * How long a caller may wait for one login: every request it may make running into both timeouts,
     * plus a wait for the next TOTP step when MFA is configured. Waiting callers are bounded by this,
     * so they never hang even when the login client does.
     */
    static Duration loginWaitBound(TokenKeeperConfig config) {
        Duration perRequest = config.connectTimeout().plus(config.responseTimeout());
        Duration bound = perRequest.multipliedBy(REQUESTS_PER_LOGIN);
        return config.otpSource().isPresent() ? bound.plus(OTP_STEP) : bound;
    }
}
