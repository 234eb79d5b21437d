package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.config.ConfigKey;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.LoginRejectedException;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.error.MfaRequiredException;
import dev.tokenkeeper.core.error.OtpRejectedException;
import dev.tokenkeeper.core.error.TokenSourceClosedException;
import dev.tokenkeeper.core.http.LoginHttpClientFactory;
import dev.tokenkeeper.core.http.SafeUrls;
import dev.tokenkeeper.core.jwt.JwtExpiryReader;
import dev.tokenkeeper.core.otp.OtpSource;
import dev.tokenkeeper.core.otp.TotpParameters;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.core.secret.Secrets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoginClient} that speaks {@code protocol.md}: a password step, and a one-time code step
 * when the user has MFA.
 *
 * <ol>
 *   <li>POST {@code {"email", "password"}} to the login URL with a fresh random identity token in the
 *       {@code Authorization} header (no {@code Bearer}). {@code accessToken} → done;
 *       {@code mfaToken} → step 2.</li>
 *   <li>POST {@code {"otp", "mfaToken"}} to the OTP URL with the same identity token. A refused code
 *       (401/403) is retried once with the code of the next time step, after waiting for it (a code
 *       already used in this step may be refused); refused again → {@link OtpRejectedException}.</li>
 * </ol>
 * MFA needed but no {@link OtpSource} configured → {@link MfaRequiredException} at once. The other
 * outcomes are typed errors (see {@link LoginFailures}): refused credentials
 * ({@link CredentialsRejectedException}), other refusals ({@link LoginRejectedException}), an
 * unavailable service ({@link IdentityServiceUnavailableException}, with {@code Retry-After}) or an
 * unusable answer ({@link MalformedLoginResponseException}).
 *
 * <p>Security: the password and TOTP secret are read from their sources at each login and wiped after
 * use; the password never becomes a {@code String} on our side; the login runs on the library's own
 * HttpClient (no redirects, so the password cannot be sent elsewhere; never a bearer token); answers
 * are read with a 64 KiB bound. Logs: one DEBUG line per request (URL without query, status, elapsed),
 * nothing secret. The INFO line per login is the token lifecycle's.
 *
 * <p>Not thread-safe for concurrent {@link #login()} calls by contract of {@link LoginClient} (the
 * token source never calls it concurrently), though nothing breaks if it happens.
 */
public final class ProtocolLoginClient implements LoginClient {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolLoginClient.class);

    /** The longest wait for the next one-time code, whatever an {@link OtpSource} answers. */
    static final Duration MAX_OTP_WAIT = TotpParameters.MAX_PERIOD;

    private final URI loginUrl;
    private final URI otpUrl;
    private final String username;
    private final SecretSource password;
    private final OtpSource otpSource;
    private final LoginProtocol protocol;
    private final JwtExpiryReader expiryReader;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CloseableHttpClient httpClient;
    private final LoginHttp http;
    private volatile boolean closed;

    private ProtocolLoginClient(Builder b) {
        TokenKeeperConfig config = b.config;
        this.loginUrl = config.loginUrl();
        this.otpUrl = config.otpUrl();
        this.username = config.username();
        this.password = config.password();
        this.otpSource = config.otpSource().orElse(null);
        this.protocol = config.loginProtocol();
        this.clock = config.clock();
        this.sleeper = b.sleeper;
        this.expiryReader = new JwtExpiryReader(config.refreshPolicy().defaultLifetime(), clock);
        this.httpClient = LoginHttpClientFactory.create(config.tls(), config.connectTimeout(), config.responseTimeout());
        this.http = new LoginHttp(httpClient, protocol, clock, config.connectTimeout(), config.responseTimeout(),
                config.loginRequestBudget());
    }

    /**
     * A login client for {@code config}, with its own HttpClient (closed by {@link #close()}).
     *
     * @throws dev.tokenkeeper.core.error.InvalidConfigurationException when the trust store cannot be read
     */
    public static ProtocolLoginClient create(TokenKeeperConfig config) {
        return builder(config).build();
    }

    /** Starts building a login client for {@code config}, for the few settings that are not configuration. */
    public static Builder builder(TokenKeeperConfig config) {
        return new Builder(config);
    }

    @Override
    public AccessToken login() {
        if (closed) {
            throw new TokenSourceClosedException("This login client was closed; create a new one to log in.");
        }
        // One identity token per login attempt, shared by its steps; a local variable only (protocol.md).
        String identityToken = IdentityTokens.next();
        LoginResponse response = postPassword(identityToken);
        LoginAnswer answer = answerOf(LoginStep.PASSWORD, loginUrl, response);
        if (answer.accessToken() != null) {
            return expiryReader.read(answer.accessToken(), response.sentAt());
        }
        return secondStep(identityToken, answer.mfaToken());
    }

    private LoginResponse postPassword(String identityToken) {
        char[] secret = password.read();
        SecretBuffer body;
        try {
            body = LoginBodies.passwordStep(protocol, username, secret);
        } finally {
            Secrets.wipe(secret);
        }
        try {
            return http.post(LoginStep.PASSWORD, loginUrl, identityToken, body);
        } finally {
            body.wipe();
        }
    }

    private AccessToken secondStep(String identityToken, String mfaToken) {
        if (otpSource == null) {
            throw new MfaRequiredException("The identity service asks for a one-time code (the user has MFA on), "
                    + "but no code source is configured. Set " + ConfigKey.LOGIN_TOTP_SECRET
                    + " to where the TOTP secret or otpauth:// URI is read from, or give the configuration an OtpSource.");
        }
        Instant now = clock.instant();
        LoginResponse response = postCode(identityToken, mfaToken, otpSource.code(now));
        if (LoginFailures.isCodeRefused(response.status())) {
            Duration wait = waitForNextStep(now);
            LOG.debug("Login {}: code refused ({}); trying once more with the next code after {} ms",
                    LoginStep.OTP, response.status(), wait.toMillis());
            sleep(wait);
            response = postCode(identityToken, mfaToken, otpSource.code(clock.instant()));
            if (LoginFailures.isCodeRefused(response.status())) {
                throw new OtpRejectedException("The identity service refused the one-time code from "
                        + otpSource.description() + " twice (" + response.status() + "), the second one from the next "
                        + "time step. Check that the TOTP secret (" + ConfigKey.LOGIN_TOTP_SECRET + ") belongs to "
                        + "this user and that this machine's clock is right (NTP); the mfaToken may also have expired.",
                        response.status());
            }
        }
        return expiryReader.read(answerOf(LoginStep.OTP, otpUrl, response).accessToken(), response.sentAt());
    }

    private LoginResponse postCode(String identityToken, String mfaToken, String code) {
        SecretBuffer body = LoginBodies.otpStep(protocol, mfaToken, code);
        try {
            return http.post(LoginStep.OTP, otpUrl, identityToken, body);
        } finally {
            body.wipe();
        }
    }

    /** Until the next time step starts, measured from when the refused code was made; never negative or unbounded. */
    private Duration waitForNextStep(Instant codeTime) {
        Instant next = otpSource.nextStepAt(codeTime);
        Duration wait = Duration.between(clock.instant(), next);
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_OTP_WAIT) > 0 ? MAX_OTP_WAIT : wait;
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityServiceUnavailableException("The login was interrupted while waiting " + wait.toMillis()
                    + " ms for the next one-time code (is the token source closing?).", e);
        }
    }

    private LoginAnswer answerOf(LoginStep step, URI url, LoginResponse response) {
        if (!response.isSuccess()) {
            throw LoginFailures.forStatus(step, url, response);
        }
        try {
            return LoginAnswer.parse(step, url, response.body(), protocol);
        } finally {
            Secrets.wipe(response.body());
        }
    }

    /** Closes the login HttpClient. Later {@link #login()} calls fail with a typed error. */
    @Override
    public void close() {
        closed = true;
        try {
            httpClient.close(CloseMode.GRACEFUL);
        } catch (RuntimeException e) {
            LOG.debug("Closing the login HttpClient failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "ProtocolLoginClient[" + SafeUrls.withoutQuery(loginUrl) + (otpSource == null ? "" : ", " + otpSource.description()) + "]";
    }

    /** Builds a {@link ProtocolLoginClient}; everything but the test seams comes from the configuration. */
    public static final class Builder {

        private final TokenKeeperConfig config;
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(TokenKeeperConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * How to wait for the next one-time code after a refused one. Default: {@link Sleeper#SYSTEM}.
         * Tests with a controllable clock pass one that advances the clock.
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public ProtocolLoginClient build() {
            return new ProtocolLoginClient(this);
        }
    }
}
