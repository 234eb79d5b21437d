package dev.tokenkeeper.testkit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An in-process identity server that speaks the tokenkeeper login protocol ({@code protocol.md}), plus a
 * protected echo API that checks the tokens it issued. For tests, the demo and benchmarks.
 *
 * <pre>{@code
 * try (IdentityServer server = IdentityServer.builder()
 *         .user("api@example.test", "s3cret")
 *         .totpUser("mfa@example.test", "s3cret", TestTotp.randomSecret())
 *         .tokenLifetime(Duration.ofSeconds(2))
 *         .start()) {
 *     // log in at server.loginUrl(), call server.apiUrl("/api/echo/x"), assert on server.counters()
 * }
 * }</pre>
 *
 * <p>Endpoints:
 * <ul>
 *   <li>{@code POST /account/login} and {@code POST /account/login/otp}: the two login steps, with the
 *       protocol's checks (identityToken present, not {@code Bearer}, fresh per login, the same in both
 *       steps; JSON content type; no password in the URL). Mistakes are recorded in
 *       {@link ServerCounters#protocolViolations()}.</li>
 *   <li>{@code /api/echo/**} (any method) and {@code /api/status/{code}}: protected by the bearer token,
 *       checked with zero leeway; a refused token gets 401 with {@code WWW-Authenticate: Bearer ...}.</li>
 *   <li>{@code /api/redirect?status=302&to=<url>}: unprotected redirect, for scoping tests.</li>
 * </ul>
 *
 * <p>Access tokens are HS256 JWTs with {@code sub}, {@code iat}, {@code exp}, {@code jti}, signed with a key
 * made at start. {@code iat} is the server's now rounded down to the second and {@code exp} now + lifetime
 * rounded up, so a token is accepted for at least its lifetime; a client reading {@code exp - iat} must allow
 * for up to a second of rounding.
 *
 * <p>Each request runs on its own thread, so concurrent logins, slow answers and held connections do not
 * block each other. All methods are thread-safe. {@link #close()} returns promptly, also while connections
 * are held by {@link Fault#noAnswer()}.
 */
public final class IdentityServer implements AutoCloseable {

    /** Login path of the password step. */
    public static final String LOGIN_PATH = "/account/login";
    /** Login path of the OTP step. */
    public static final String OTP_PATH = "/account/login/otp";

    /** Everything the endpoints share; one per server. */
    static final class State {
        final ServerRuntime runtime;
        final ServerCounters counters = new ServerCounters();
        final UserDirectory users;
        final TokenIssuer issuer;
        final MfaSessions mfaSessions;
        final TotpVerifier totp;
        final FaultSchedule faults = new FaultSchedule();
        final Supplier<Instant> serverNow;

        State(ServerRuntime runtime, UserDirectory users, Clock clock, Duration lifetime,
              Supplier<Instant> serverNow) {
            this.runtime = runtime;
            this.users = users;
            this.serverNow = serverNow;
            this.issuer = new TokenIssuer(serverNow, lifetime);
            this.mfaSessions = new MfaSessions(serverNow);
            this.totp = new TotpVerifier(clock);
        }
    }

    private final State state;
    private final Clock clock;
    private volatile Duration clockOffset = Duration.ZERO;

    private IdentityServer(Builder builder) {
        this.clock = builder.clock;
        ServerRuntime runtime = ServerRuntime.create("identity-server", builder.hostName,
                builder.https ? builder.certificate : null);
        this.state = new State(runtime, new UserDirectory(builder.users), clock, builder.tokenLifetime,
                this::serverNow);
        runtime.handle(LOGIN_PATH, new LoginEndpoint(LoginStep.PASSWORD, LOGIN_PATH, state));
        runtime.handle(OTP_PATH, new LoginEndpoint(LoginStep.OTP, OTP_PATH, state));
        ProtectedApi api = new ProtectedApi(state);
        runtime.handle(ProtectedApi.ECHO, api);
        runtime.handle(ProtectedApi.STATUS, api);
        runtime.handle(RedirectEndpoint.PATH, new RedirectEndpoint(state.counters));
        runtime.handle("/", exchange -> Exchanges.sendJson(exchange, 404, Map.of("error", "not_found")));
        runtime.start();
    }

    /** A builder: HTTPS with the test CA's {@code localhost} certificate, system UTC clock, 5 min tokens. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code scheme://host:port} of this server, with the host name given to the builder. */
    public URI baseUri() {
        return state.runtime.baseUri();
    }

    /** The password step's URL. */
    public URI loginUrl() {
        return baseUri().resolve(LOGIN_PATH);
    }

    /** The OTP step's URL. */
    public URI otpUrl() {
        return baseUri().resolve(OTP_PATH);
    }

    /** {@code baseUri() + path}, e.g. {@code apiUrl("/api/echo/x")}; {@code path} may carry a query. */
    public URI apiUrl(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        return URI.create(baseUri() + path);
    }

    /** The port the server listens on. */
    public int port() {
        return state.runtime.port();
    }

    /** The server's now: the builder's clock plus {@link #setClockOffset the offset}. */
    public Instant serverNow() {
        return clock.instant().plus(clockOffset);
    }

    /** Lifetime of the tokens issued from now on; at least 1 s. */
    public void setTokenLifetime(Duration lifetime) {
        state.issuer.setLifetime(lifetime);
    }

    /**
     * Puts the server's clock ahead (positive) or behind (negative) the builder's clock, for {@code iat},
     * {@code exp}, API validation and mfaToken expiry. TOTP codes are still checked against the builder's
     * clock: a TOTP server with a clock minutes off would refuse every code.
     */
    public void setClockOffset(Duration offset) {
        this.clockOffset = Objects.requireNonNull(offset, "offset");
    }

    /** How the next tokens are shaped. */
    public void setTokenStyle(TokenStyle style) {
        state.issuer.setStyle(style);
    }

    /** Every token issued so far is refused by the API from now on ({@link ApiOutcome#REVOKED_TOKEN}). */
    public void revokeAllTokens() {
        state.issuer.revokeAll();
    }

    /**
     * Makes the next {@code times} requests of {@code step} show {@code fault}, after the faults injected
     * before for that step; {@code times < 0} applies it until {@link #clearFaults()}.
     */
    public void injectFault(LoginStep step, Fault fault, int times) {
        state.faults.add(step, fault, times);
    }

    /** Removes every pending fault. */
    public void clearFaults() {
        state.faults.clear();
    }

    /** The live counters (see {@link ServerCounters}). */
    public ServerCounters counters() {
        return state.counters;
    }

    /**
     * Forgets the recorded {@code Authorization} values ({@link ServerCounters#authorizationHeadersSeen()},
     * {@link ServerCounters#redirectAuthorizationHeadersSeen()}) and keeps every count, so a long run can
     * measure its own heap without the server's records in it.
     */
    public void forgetAuthorizationHeaders() {
        state.counters.forgetAuthorizationHeaders();
    }

    /** Sets every counter and recorded list back to empty. */
    public void resetCounters() {
        state.counters.reset();
    }

    /** Stops the server at once, dropping held and in-flight connections. Idempotent. */
    @Override
    public void close() {
        state.runtime.close();
    }

    @Override
    public String toString() {
        return "IdentityServer[" + baseUri() + "]";
    }

    /** Configures and starts an {@link IdentityServer}. */
    public static final class Builder {
        private boolean https = true;
        private String hostName = "localhost";
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofMinutes(5);
        private TestPki.Certificate certificate = TestPki.Certificate.LOCALHOST;
        private final List<UserDirectory.User> users = new ArrayList<>();

        private Builder() {
        }

        /** HTTPS (default) or plain HTTP. */
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /**
         * The host name in the URIs the server reports (default {@code localhost}). The server listens on the
         * loopback address this name resolves to ({@code 127.0.0.1} for names that are not loopback).
         */
        public Builder hostName(String hostName) {
            this.hostName = Objects.requireNonNull(hostName, "hostName");
            return this;
        }

        /** The clock for {@code iat}/{@code exp}, API checks and TOTP (default {@link Clock#systemUTC()}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Lifetime of issued tokens (default 5 min, at least 1 s). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = TokenIssuer.requireValidLifetime(lifetime);
            return this;
        }

        /** The certificate presented over HTTPS (default {@link TestPki.Certificate#LOCALHOST}). */
        public Builder serverCertificate(TestPki.Certificate certificate) {
            this.certificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /** An account without MFA. */
        public Builder user(String email, String password) {
            users.add(new UserDirectory.User(email, password, null));
            return this;
        }

        /** An account with TOTP (RFC 6238, HMAC-SHA1, 6 digits, 30 s) on the base32 {@code secret}. */
        public Builder totpUser(String email, String password, String base32Secret) {
            users.add(new UserDirectory.User(email, password, Objects.requireNonNull(base32Secret, "secret")));
            return this;
        }

        /** Starts the server on an ephemeral loopback port. */
        public IdentityServer start() {
            return new IdentityServer(this);
        }
    }
}
