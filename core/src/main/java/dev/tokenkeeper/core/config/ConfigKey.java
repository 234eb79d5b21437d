package dev.tokenkeeper.core.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every configuration key tokenkeeper reads, with its default and meaning: the one place the key names
 * live (the README's configuration table is written from this list).
 */
public enum ConfigKey {

    /** {@code tokenkeeper.login.url}; see {@link #description()}. */
    LOGIN_URL("tokenkeeper.login.url", null, true,
            "URL of the password login (step 1), such as https://identity.eu1.coldstream.diabatix.com/account/login. "
                    + "Must be https (plain http only for a loopback host with tokenkeeper.target.allow-http-loopback=true)."),
    /** {@code tokenkeeper.login.otp-url}; see {@link #description()}. */
    LOGIN_OTP_URL("tokenkeeper.login.otp-url", null, false,
            "URL of the one-time code step (step 2). Default: the login URL + /otp."),
    /** {@code tokenkeeper.login.username}; see {@link #description()}. */
    LOGIN_USERNAME("tokenkeeper.login.username", null, true,
            "The user name (e-mail address) of the API user."),
    /** {@code tokenkeeper.login.password}; see {@link #description()}. */
    LOGIN_PASSWORD("tokenkeeper.login.password", null, true,
            "Where the password is read from at each login: env:NAME, file:PATH or sysprop:NAME. A literal is refused."),
    /** {@code tokenkeeper.login.totp-secret}; see {@link #description()}. */
    LOGIN_TOTP_SECRET("tokenkeeper.login.totp-secret", null, false,
            "Where the TOTP secret is read from (env:NAME, file:PATH or sysprop:NAME); it may hold the base32 "
                    + "secret or an otpauth://totp/... URI. Needed only for users with MFA. A literal is refused."),

    /** {@code tokenkeeper.login.field.username} (default {@code email}); see {@link #description()}. */
    LOGIN_FIELD_USERNAME("tokenkeeper.login.field.username", "email", false,
            "JSON field of the user name in the step 1 body."),
    /** {@code tokenkeeper.login.field.password} (default {@code password}); see {@link #description()}. */
    LOGIN_FIELD_PASSWORD("tokenkeeper.login.field.password", "password", false,
            "JSON field of the password in the step 1 body."),
    /** {@code tokenkeeper.login.field.access-token} (default {@code accessToken}); see {@link #description()}. */
    LOGIN_FIELD_ACCESS_TOKEN("tokenkeeper.login.field.access-token", "accessToken", false,
            "JSON field of the access token (a JWT) in a login answer."),
    /** {@code tokenkeeper.login.field.mfa-token} (default {@code mfaToken}); see {@link #description()}. */
    LOGIN_FIELD_MFA_TOKEN("tokenkeeper.login.field.mfa-token", "mfaToken", false,
            "JSON field of the MFA token in the step 1 answer and the step 2 body."),
    /** {@code tokenkeeper.login.field.otp} (default {@code otp}); see {@link #description()}. */
    LOGIN_FIELD_OTP("tokenkeeper.login.field.otp", "otp", false,
            "JSON field of the one-time code in the step 2 body."),
    /** {@code tokenkeeper.login.identity-token-header} (default {@code Authorization}); see {@link #description()}. */
    LOGIN_IDENTITY_TOKEN_HEADER("tokenkeeper.login.identity-token-header", "Authorization", false,
            "Header that carries the random per-login identity token (no Bearer prefix); 'none' sends no identity token."),
    /** {@code tokenkeeper.login.content-type} (default {@code application/*+json}); see {@link #description()}. */
    LOGIN_CONTENT_TYPE("tokenkeeper.login.content-type", "application/*+json", false,
            "Content-Type of the login request bodies (UTF-8 JSON)."),

    /** {@code tokenkeeper.refresh.before-expiry} (default {@code 60s}); see {@link #description()}. */
    REFRESH_BEFORE_EXPIRY("tokenkeeper.refresh.before-expiry", "60s", false,
            "Start a background login once the token has this long left (clamped to half its lifetime)."),
    /** {@code tokenkeeper.refresh.expiry-margin} (default {@code 5s}); see {@link #description()}. */
    REFRESH_EXPIRY_MARGIN("tokenkeeper.refresh.expiry-margin", "5s", false,
            "Make callers wait for a login once the token has this long left (clamped to a quarter of its lifetime)."),
    /** {@code tokenkeeper.refresh.default-lifetime} (default {@code 5m}); see {@link #description()}. */
    REFRESH_DEFAULT_LIFETIME("tokenkeeper.refresh.default-lifetime", "5m", false,
            "Lifetime assumed for a token without an exp claim."),
    /** {@code tokenkeeper.refresh.credentials-cooldown} (default {@code 60s}); see {@link #description()}. */
    REFRESH_CREDENTIALS_COOLDOWN("tokenkeeper.refresh.credentials-cooldown", "60s", false,
            "After refused credentials, how long callers fail fast before one more login is tried (protects the account)."),
    /** {@code tokenkeeper.refresh.max-backoff} (default {@code 60s}); see {@link #description()}. */
    REFRESH_MAX_BACKOFF("tokenkeeper.refresh.max-backoff", "60s", false,
            "Cap of the exponential backoff (from 1s) while the identity service is unavailable."),

    /** {@code tokenkeeper.http.connect-timeout} (default {@code 5s}); see {@link #description()}. */
    HTTP_CONNECT_TIMEOUT("tokenkeeper.http.connect-timeout", "5s", false,
            "Connect timeout of the login requests (also bounds the wait for a pooled connection)."),
    /** {@code tokenkeeper.http.response-timeout} (default {@code 10s}); see {@link #description()}. */
    HTTP_RESPONSE_TIMEOUT("tokenkeeper.http.response-timeout", "10s", false,
            "Longest silence while waiting for or reading a login response (also bounds the TLS handshake). "
                    + "A login request not answered completely after connect-timeout + 2 x response-timeout is abandoned."),

    /** {@code tokenkeeper.tls.trust-store}; see {@link #description()}. */
    TLS_TRUST_STORE("tokenkeeper.tls.trust-store", null, false,
            "Path of a trust store with the CA of a private PKI. Default: the JVM's trusted CAs. "
                    + "Verification can never be turned off."),
    /** {@code tokenkeeper.tls.trust-store-password}; see {@link #description()}. */
    TLS_TRUST_STORE_PASSWORD("tokenkeeper.tls.trust-store-password", null, false,
            "Where the trust store password is read from: env:NAME, file:PATH or sysprop:NAME. Optional."),
    /** {@code tokenkeeper.tls.trust-store-type} (default {@code PKCS12}); see {@link #description()}. */
    TLS_TRUST_STORE_TYPE("tokenkeeper.tls.trust-store-type", "PKCS12", false,
            "Type of the trust store: PKCS12 or JKS."),

    /** {@code tokenkeeper.target.hosts}; see {@link #description()}. */
    TARGET_HOSTS("tokenkeeper.target.hosts", null, false,
            "Comma-separated hosts that may receive the token: exact names and *.wildcards (*.eu1.example.com). "
                    + "Default: the login host's parent domain."),
    /** {@code tokenkeeper.target.allow-http-loopback} (default {@code false}); see {@link #description()}. */
    TARGET_ALLOW_HTTP_LOOPBACK("tokenkeeper.target.allow-http-loopback", "false", false,
            "Allow plain http to loopback hosts (127.0.0.1, ::1, localhost), for tests and local development only.");

    /** The prefix of every key; other keys in the same Properties are ignored. */
    public static final String PREFIX = "tokenkeeper.";

    private final String key;
    private final String defaultValue;
    private final boolean required;
    private final String description;

    ConfigKey(String key, String defaultValue, boolean required, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.required = required;
        this.description = description;
    }

    /** The property name, such as {@code tokenkeeper.login.url}. */
    public String key() {
        return key;
    }

    /** The default as it would be written in a properties file; empty when there is none or it is derived. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether a configuration without this key is invalid. */
    public boolean required() {
        return required;
    }

    /** What the key means, for documentation. */
    public String description() {
        return description;
    }

    /** The key with property name {@code key}, if it is one of ours. */
    public static Optional<ConfigKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
