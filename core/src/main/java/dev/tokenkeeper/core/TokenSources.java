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

    /** Requests one login may make: password step, code step, and the code step once more. */
    private static final int REQUESTS_PER_LOGIN = 3;
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
        return builder(config, loginClient).build();
    }

    /**
     * A builder already holding what {@link #create(TokenKeeperConfig, LoginClient)} sets from the
     * configuration (refresh policy, clock, the bound on a caller's wait for a login), for the few
     * settings that are not configuration, such as a seeded {@link RefreshingTokenSource.Builder#random}.
     */
    public static RefreshingTokenSource.Builder builder(TokenKeeperConfig config, LoginClient loginClient) {
        return RefreshingTokenSource.builder(loginClient)
                .policy(config.refreshPolicy())
                .clock(config.clock())
                .maxWait(loginWaitBound(config));
    }

    /**
     * How long a caller may wait for one login: every request it may make taking its whole
     * {@link TokenKeeperConfig#loginRequestBudget()} (the login client abandons a request after it), one
     * response timeout of slack for the work between them, plus a wait for the next TOTP step when MFA is
     * configured. Waiting callers are bounded by this, so they never hang even when the login client
     * does. Public so that callers (and the reliability suite) can state the longest a request may wait
     * for a token under a configuration.
     */
    public static Duration loginWaitBound(TokenKeeperConfig config) {
        Duration bound = config.loginRequestBudget().multipliedBy(REQUESTS_PER_LOGIN).plus(config.responseTimeout());
        return config.otpSource().isPresent() ? bound.plus(OTP_STEP) : bound;
    }
}
