package dev.tokenkeeper.core.config;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.http.SafeUrls;
import dev.tokenkeeper.core.http.TlsSettings;
import dev.tokenkeeper.core.lifecycle.RefreshPolicy;
import dev.tokenkeeper.core.login.LoginProtocol;
import dev.tokenkeeper.core.otp.OtpSource;
import dev.tokenkeeper.core.otp.Totp;
import dev.tokenkeeper.core.secret.SecretSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything tokenkeeper needs to log in and keep a token: validated, immutable.
 *
 * <p>Build it from properties with {@link #fromProperties(Properties)} (the keys are listed in
 * {@link ConfigKey}), or in code with {@link #builder()}, which also accepts callbacks for the
 * password ({@link SecretSource#callback}) and the one-time codes ({@link OtpSource}) and a
 * {@link Clock}. Either way every value is checked when the configuration is built, and a problem is an
 * {@link InvalidConfigurationException} naming the key, what is wrong and the accepted forms (never a
 * secret's value).
 *
 * <p>Other JWT-issuing login endpoints that take a user name and password as JSON are reached with the
 * protocol keys: {@code tokenkeeper.login.field.username|password|access-token|mfa-token|otp} (the JSON
 * field names), {@code tokenkeeper.login.identity-token-header} ({@code none} to send no identity token)
 * and {@code tokenkeeper.login.content-type}; see {@link ConfigKey} for defaults.
 *
 * <p>Secrets are not read here: the password and TOTP secret are read from their sources at each login,
 * so a rotated secret is picked up without a restart. The trust store is read once here, so a broken
 * one fails at start-up.
 */
public final class TokenKeeperConfig {

    private final URI loginUrl;
    private final URI otpUrl;
    private final String username;
    private final SecretSource password;
    private final OtpSource otpSource;
    private final LoginProtocol loginProtocol;
    private final RefreshPolicy refreshPolicy;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final TlsSettings tls;
    private final List<String> targetHosts;
    private final boolean allowHttpLoopback;
    private final Clock clock;

    private TokenKeeperConfig(Builder b, URI loginUrl, URI otpUrl, RefreshPolicy refreshPolicy, TlsSettings tls,
                              List<String> targetHosts) {
        this.loginUrl = loginUrl;
        this.otpUrl = otpUrl;
        this.username = b.username.strip();
        this.password = b.password;
        this.otpSource = b.otpSource;
        this.loginProtocol = b.loginProtocol;
        this.refreshPolicy = refreshPolicy;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.tls = tls;
        this.targetHosts = targetHosts;
        this.allowHttpLoopback = b.allowHttpLoopback;
        this.clock = b.clock;
    }

    /** Starts a configuration in code. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code tokenkeeper.*} keys of {@code properties} (other keys are ignored). Unknown
     * {@code tokenkeeper.*} keys are an error, with a suggestion for near misses.
     *
     * @throws InvalidConfigurationException naming the first key at fault
     */
    public static TokenKeeperConfig fromProperties(Properties properties) {
        return PropertiesConfigReader.read(properties);
    }

    /** URL of the password step ({@code tokenkeeper.login.url}). */
    public URI loginUrl() {
        return loginUrl;
    }

    /** URL of the one-time code step; default {@link #loginUrl()} + {@code /otp}. */
    public URI otpUrl() {
        return otpUrl;
    }

    /** The user name (e-mail address). */
    public String username() {
        return username;
    }

    /** Where the password is read from at each login. */
    public SecretSource password() {
        return password;
    }

    /** Where one-time codes come from, when the user has MFA. */
    public Optional<OtpSource> otpSource() {
        return Optional.ofNullable(otpSource);
    }

    /** Field names, identity-token header and content type of the login requests. */
    public LoginProtocol loginProtocol() {
        return loginProtocol;
    }

    /** Refresh thresholds, default lifetime, cool-down and backoff (initial backoff 1 s). */
    public RefreshPolicy refreshPolicy() {
        return refreshPolicy;
    }

    /** Connect timeout of the login requests. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Response timeout of the login requests. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /**
     * The longest one login request may take in all: connect within the connect timeout, then the TLS
     * handshake and the answer each within the response timeout. A request not answered completely by
     * then is abandoned: a server that trickles its answer never leaves a silence long enough for the
     * response timeout alone to end it.
     */
    public Duration loginRequestBudget() {
        return connectTimeout.plus(responseTimeout.multipliedBy(2));
    }

    /** Which CAs to trust, for the login client and for clients built from this configuration. */
    public TlsSettings tls() {
        return tls;
    }

    /**
     * The hosts that may receive the token, lower case: exact names, IP literals and {@code *.}
     * wildcards. Empty when none were configured: then the login host's parent domain applies.
     */
    public List<String> targetHosts() {
        return targetHosts;
    }

    /** Whether plain http to loopback hosts is allowed (tests and local development only). */
    public boolean allowHttpLoopback() {
        return allowHttpLoopback;
    }

    /** The clock every expiry is measured on. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "TokenKeeperConfig[loginUrl=" + SafeUrls.withoutQuery(loginUrl) + ", otpUrl=" + SafeUrls.withoutQuery(otpUrl)
                + ", password from " + password.description()
                + (otpSource == null ? "" : ", otp from " + otpSource.description())
                + ", " + refreshPolicy + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", " + tls + ", targetHosts=" + targetHosts + ", allowHttpLoopback=" + allowHttpLoopback + "]";
    }

    /**
     * Builds a {@link TokenKeeperConfig} in code. Unset values take the defaults of {@link ConfigKey};
     * {@link #build()} validates everything.
     */
    public static final class Builder {

        private String loginUrl;
        private String otpUrl;
        private String username;
        private SecretSource password;
        private OtpSource otpSource;
        private LoginProtocol loginProtocol = LoginProtocol.DEFAULT;
        private Duration refreshBeforeExpiry = RefreshPolicy.DEFAULTS.refreshBeforeExpiry();
        private Duration expiryMargin = RefreshPolicy.DEFAULTS.expiryMargin();
        private Duration defaultLifetime = RefreshPolicy.DEFAULTS.defaultLifetime();
        private Duration credentialsCooldown = RefreshPolicy.DEFAULTS.credentialsCooldown();
        private Duration maxBackoff = RefreshPolicy.DEFAULTS.maxBackoff();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Path trustStore;
        private String trustStoreType;
        private SecretSource trustStorePassword;
        private Collection<String> targetHosts = List.of();
        private boolean allowHttpLoopback;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** {@link ConfigKey#LOGIN_URL}: URL of the password step. Required. */
        public Builder loginUrl(String url) {
            this.loginUrl = url;
            return this;
        }

        /** {@link ConfigKey#LOGIN_URL}: URL of the password step. Required. */
        public Builder loginUrl(URI url) {
            return loginUrl(url == null ? null : url.toString());
        }

        /** {@link ConfigKey#LOGIN_OTP_URL}: URL of the code step; default login URL + {@code /otp}. */
        public Builder otpUrl(String url) {
            this.otpUrl = url;
            return this;
        }

        /** {@link ConfigKey#LOGIN_OTP_URL}: URL of the code step; default login URL + {@code /otp}. */
        public Builder otpUrl(URI url) {
            return otpUrl(url == null ? null : url.toString());
        }

        /** {@link ConfigKey#LOGIN_USERNAME}. Required. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** {@link ConfigKey#LOGIN_PASSWORD}: where the password is read from at each login. Required. */
        public Builder password(SecretSource password) {
            this.password = password;
            return this;
        }

        /**
         * {@link ConfigKey#LOGIN_TOTP_SECRET}: where the TOTP secret (base32, or an {@code otpauth://} URI)
         * is read from; codes are computed with {@link Totp}. Replaces any {@link #otpSource}.
         */
        public Builder totpSecret(SecretSource secretOrUri) {
            this.otpSource = secretOrUri == null ? null
                    : Totp.fromSecretOrUri(secretOrUri, ConfigKey.LOGIN_TOTP_SECRET.key());
            return this;
        }

        /** Where one-time codes come from, such as a callback; replaces any {@link #totpSecret}. */
        public Builder otpSource(OtpSource otpSource) {
            this.otpSource = otpSource;
            return this;
        }

        /** Field names, identity-token header and content type; default {@link LoginProtocol#DEFAULT}. */
        public Builder loginProtocol(LoginProtocol protocol) {
            this.loginProtocol = protocol;
            return this;
        }

        /** {@link ConfigKey#REFRESH_BEFORE_EXPIRY}, default 60 s. */
        public Builder refreshBeforeExpiry(Duration d) {
            this.refreshBeforeExpiry = d;
            return this;
        }

        /** {@link ConfigKey#REFRESH_EXPIRY_MARGIN}, default 5 s. */
        public Builder expiryMargin(Duration d) {
            this.expiryMargin = d;
            return this;
        }

        /** {@link ConfigKey#REFRESH_DEFAULT_LIFETIME}, default 5 min. */
        public Builder defaultLifetime(Duration d) {
            this.defaultLifetime = d;
            return this;
        }

        /** {@link ConfigKey#REFRESH_CREDENTIALS_COOLDOWN}, default 60 s. */
        public Builder credentialsCooldown(Duration d) {
            this.credentialsCooldown = d;
            return this;
        }

        /** {@link ConfigKey#REFRESH_MAX_BACKOFF}, default 60 s; at least the initial backoff of 1 s. */
        public Builder maxBackoff(Duration d) {
            this.maxBackoff = d;
            return this;
        }

        /** {@link ConfigKey#HTTP_CONNECT_TIMEOUT}, default 5 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /** {@link ConfigKey#HTTP_RESPONSE_TIMEOUT}, default 10 s. */
        public Builder responseTimeout(Duration d) {
            this.responseTimeout = d;
            return this;
        }

        /** {@link ConfigKey#TLS_TRUST_STORE}: trust exactly the CAs in this store instead of the JVM's. */
        public Builder trustStore(Path path) {
            this.trustStore = path;
            return this;
        }

        /** {@link ConfigKey#TLS_TRUST_STORE_TYPE}, default PKCS12. */
        public Builder trustStoreType(String type) {
            this.trustStoreType = type;
            return this;
        }

        /** {@link ConfigKey#TLS_TRUST_STORE_PASSWORD}: where the trust store password is read from. */
        public Builder trustStorePassword(SecretSource password) {
            this.trustStorePassword = password;
            return this;
        }

        /** {@link ConfigKey#TARGET_HOSTS}: exact names and {@code *.} wildcards; default the login host's parent domain. */
        public Builder targetHosts(Collection<String> hosts) {
            this.targetHosts = hosts == null ? List.of() : List.copyOf(hosts);
            return this;
        }

        /** {@link ConfigKey#TARGET_HOSTS}: exact names and {@code *.} wildcards. */
        public Builder targetHosts(String... hosts) {
            return targetHosts(List.of(hosts));
        }

        /** {@link ConfigKey#TARGET_ALLOW_HTTP_LOOPBACK}, default false. */
        public Builder allowHttpLoopback(boolean allow) {
            this.allowHttpLoopback = allow;
            return this;
        }

        /** The clock expiries are measured on; default {@link Clock#systemUTC()}. Tests pass a controllable one. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws InvalidConfigurationException naming the first key at fault
         */
        public TokenKeeperConfig build() {
            URI login = LoginUrlRules.parse(ConfigKey.LOGIN_URL, require(ConfigKey.LOGIN_URL, loginUrl), allowHttpLoopback);
            URI otp = otpUrl == null || otpUrl.isBlank() ? LoginUrlRules.defaultOtpUrl(login)
                    : LoginUrlRules.parse(ConfigKey.LOGIN_OTP_URL, otpUrl, allowHttpLoopback);
            require(ConfigKey.LOGIN_USERNAME, username);
            if (username.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidConfigurationException(ConfigKey.LOGIN_USERNAME.key(), ConfigKey.LOGIN_USERNAME
                        + " contains control characters (a stray line break?). Expected the user's e-mail address.");
            }
            if (password == null) {
                throw missing(ConfigKey.LOGIN_PASSWORD, " Accepted forms: " + SecretSource.acceptedForms() + ".");
            }
            ProtocolRules.check(Objects.requireNonNull(loginProtocol, "loginProtocol"));
            Objects.requireNonNull(clock, "clock");
            return new TokenKeeperConfig(this, login, otp, refreshPolicy(), tls(), TargetHosts.validate(targetHosts));
        }

        private RefreshPolicy refreshPolicy() {
            requireDuration(ConfigKey.REFRESH_BEFORE_EXPIRY, refreshBeforeExpiry, true);
            requireDuration(ConfigKey.REFRESH_EXPIRY_MARGIN, expiryMargin, true);
            requireDuration(ConfigKey.REFRESH_DEFAULT_LIFETIME, defaultLifetime, false);
            requireDuration(ConfigKey.REFRESH_CREDENTIALS_COOLDOWN, credentialsCooldown, false);
            requireDuration(ConfigKey.REFRESH_MAX_BACKOFF, maxBackoff, false);
            requireDuration(ConfigKey.HTTP_CONNECT_TIMEOUT, connectTimeout, false);
            requireDuration(ConfigKey.HTTP_RESPONSE_TIMEOUT, responseTimeout, false);
            if (expiryMargin.compareTo(refreshBeforeExpiry) > 0) {
                throw new InvalidConfigurationException(ConfigKey.REFRESH_EXPIRY_MARGIN.key(), ConfigKey.REFRESH_EXPIRY_MARGIN
                        + " (" + Durations.format(expiryMargin) + ") is larger than " + ConfigKey.REFRESH_BEFORE_EXPIRY + " ("
                        + Durations.format(refreshBeforeExpiry) + "): callers would wait for logins that a background "
                        + "refresh should have made. Make it smaller.");
            }
            Duration initialBackoff = RefreshPolicy.DEFAULTS.initialBackoff();
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new InvalidConfigurationException(ConfigKey.REFRESH_MAX_BACKOFF.key(), ConfigKey.REFRESH_MAX_BACKOFF
                        + " (" + Durations.format(maxBackoff) + ") is below the initial backoff of "
                        + Durations.format(initialBackoff) + ". Use " + Durations.format(initialBackoff) + " or more.");
            }
            return new RefreshPolicy(refreshBeforeExpiry, expiryMargin, defaultLifetime, credentialsCooldown,
                    initialBackoff, maxBackoff);
        }

        private TlsSettings tls() {
            if (trustStore == null) {
                if (trustStorePassword != null || trustStoreType != null) {
                    ConfigKey set = trustStorePassword != null ? ConfigKey.TLS_TRUST_STORE_PASSWORD : ConfigKey.TLS_TRUST_STORE_TYPE;
                    throw new InvalidConfigurationException(set.key(), set + " is set but " + ConfigKey.TLS_TRUST_STORE
                            + " is not. Set the trust store path too, or remove " + set + ".");
                }
                return TlsSettings.jvmDefault();
            }
            String type = trustStoreType == null || trustStoreType.isBlank() ? "PKCS12" : trustStoreType.strip();
            TlsSettings settings = TlsSettings.trustStore(trustStore, type, trustStorePassword);
            settings.createSslContext(); // fails now, at start-up, with a message naming the key
            return settings;
        }

        private static String require(ConfigKey key, String value) {
            if (value == null || value.isBlank()) {
                throw missing(key, "");
            }
            return value;
        }

        private static InvalidConfigurationException missing(ConfigKey key, String hint) {
            return new InvalidConfigurationException(key.key(), key + " is required but not set. It is: "
                    + key.description() + hint);
        }

        private static void requireDuration(ConfigKey key, Duration d, boolean zeroAllowed) {
            if (d == null) {
                throw missing(key, "");
            }
            if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                throw new InvalidConfigurationException(key.key(), key + " must be " + (zeroAllowed ? "zero or more" : "more than zero")
                        + ", was " + Durations.format(d) + ". Expected " + Durations.ACCEPTED_FORMS + ".");
            }
        }
    }
}
