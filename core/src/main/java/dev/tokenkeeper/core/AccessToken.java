package dev.tokenkeeper.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A bearer token obtained from a login, with its expiry measured on the <em>local</em> clock.
 *
 * <p>{@link #expiresAt()} is not the JWT's {@code exp} claim as such: it is the moment of receipt plus
 * the lifetime the issuer granted ({@code exp - iat}), so a client clock that disagrees with the
 * issuer's by minutes still plans its refreshes correctly.
 *
 * <p>The token value is a secret. {@link #toString()} shows only a short {@link #fingerprint()} and the
 * expiry. The {@code Authorization} header value is built once, here, so the per-request hot path
 * never concatenates strings.
 *
 * <p>Instances are compared by identity: the interceptor hands back the very instance it sent when a
 * server rejects it, and the token source invalidates only if that instance is still the current one.
 */
public final class AccessToken {

    private final String value;
    private final String authorizationHeaderValue;
    private final Instant receivedAt;
    private final Instant expiresAt;
    private final String fingerprint;

    /**
     * @param value      the raw token (for the default protocol: a JWT)
     * @param receivedAt local time at which the login that produced it was sent
     * @param expiresAt  local time at which the token stops being accepted; after {@code receivedAt}
     */
    public AccessToken(String value, Instant receivedAt, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("token value is blank");
        }
        if (!expiresAt.isAfter(receivedAt)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " is not after receivedAt " + receivedAt);
        }
        this.authorizationHeaderValue = "Bearer " + value;
        this.fingerprint = fingerprintOf(value);
    }

    /** The raw token. A secret: never log it. */
    public String value() {
        return value;
    }

    /** {@code "Bearer " + value()}, computed once. A secret: never log it. */
    public String authorizationHeaderValue() {
        return authorizationHeaderValue;
    }

    /** Local time at which the login that produced this token was sent. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** Local time at which this token stops being accepted. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** How long the issuer granted this token, {@code expiresAt - receivedAt}. */
    public Duration lifetime() {
        return Duration.between(receivedAt, expiresAt);
    }

    /** First 8 hex digits of the SHA-256 of the token: safe to log, enough to tell tokens apart. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "AccessToken[fingerprint=" + fingerprint + ", expiresAt=" + expiresAt + "]";
    }

    /**
     * The fingerprint of any secret string: the first 8 hex digits of its SHA-256. Used wherever a log
     * line needs to tell two tokens apart without revealing either.
     */
    public static String fingerprintOf(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
