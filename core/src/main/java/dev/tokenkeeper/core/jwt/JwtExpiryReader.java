package dev.tokenkeeper.core.jwt;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns the JWT a login returned into an {@link AccessToken} whose expiry is measured on the local clock.
 *
 * <p>The signature is not checked (the client does not hold the key, and the identity service is the
 * one that verifies). Only {@code exp}, {@code iat} and {@code nbf} are read:
 * <ul>
 *   <li>with {@code exp} and {@code iat}: the token lives {@code exp - iat} from the moment the login
 *       request was sent ({@code sentAt}), whatever the two clocks say, so a client clock that is off
 *       by minutes neither refreshes in a loop nor sends expired tokens. Because both claims are whole
 *       seconds (the token may be up to a second older than {@code iat} says), the lifetime counted is
 *       {@code (exp - iat) - min(1 s, (exp - iat) / 2)};</li>
 *   <li>with {@code exp} only: {@code exp} as an absolute time on the local clock;</li>
 *   <li>without {@code exp}: the configured default lifetime from {@code sentAt}.</li>
 * </ul>
 * A token that is not a readable JWT, grants no lifetime ({@code exp <= iat}, or {@code nbf >= exp}),
 * or has already expired on arrival is a {@link MalformedLoginResponseException}, whose message carries
 * the token's fingerprint, never the token.
 */
public final class JwtExpiryReader {

    private static final Duration WHOLE_SECOND_UNCERTAINTY = Duration.ofSeconds(1);
    /**
     * The latest expiry the token lifecycle can count with (it plans in epoch milliseconds, a {@code long});
     * an {@code exp} beyond it (year 292 million) is taken as this, which for any purpose means "never".
     */
    private static final Instant LATEST_EXPIRY = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final Duration defaultLifetime;
    private final Clock clock;

    /**
     * @param defaultLifetime lifetime of a token without {@code exp}; positive
     * @param clock           the local clock, the same one that measured {@code sentAt}
     */
    public JwtExpiryReader(Duration defaultLifetime, Clock clock) {
        this.defaultLifetime = Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (defaultLifetime.isNegative() || defaultLifetime.isZero()) {
            throw new IllegalArgumentException("defaultLifetime must be positive, was " + defaultLifetime);
        }
    }

    /**
     * Reads {@code token}'s expiry.
     *
     * @param token  the access token from the login response
     * @param sentAt local time at which the request that returned the token was sent
     * @throws MalformedLoginResponseException when the token is unreadable, grants no lifetime or has
     *                                         already expired
     */
    public AccessToken read(String token, Instant sentAt) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(sentAt, "sentAt");
        DecodedJWT jwt = decode(token);
        Instant exp = jwt.getExpiresAtAsInstant();
        Instant iat = jwt.getIssuedAtAsInstant();
        Instant nbf = jwt.getNotBeforeAsInstant();
        if (exp != null && nbf != null && !nbf.isBefore(exp)) {
            throw malformed(token, "its nbf (not before) is not before its exp, so it is never valid");
        }
        Instant expiresAt = expiresAt(token, sentAt, exp, iat);
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now) || !expiresAt.isAfter(sentAt)) {
            throw malformed(token, iat != null || exp == null
                    ? "it expired before it arrived (the login took longer than the lifetime it grants)"
                    : "its exp " + exp + " is already past on this machine's clock (now " + now + "); "
                            + "the token has no iat, so a client clock that runs ahead cannot be corrected");
        }
        return new AccessToken(token, sentAt, expiresAt);
    }

    private Instant expiresAt(String token, Instant sentAt, Instant exp, Instant iat) {
        if (exp == null) {
            return sentAt.plus(defaultLifetime);
        }
        if (iat == null) {
            return exp.isAfter(LATEST_EXPIRY) ? LATEST_EXPIRY : exp;
        }
        Duration granted = Duration.between(iat, exp);
        if (granted.isNegative() || granted.isZero()) {
            throw malformed(token, "it grants no lifetime (exp " + exp + " is not after iat " + iat + ")");
        }
        Duration uncertainty = granted.dividedBy(2).compareTo(WHOLE_SECOND_UNCERTAINTY) < 0
                ? granted.dividedBy(2) : WHOLE_SECOND_UNCERTAINTY;
        Duration counted = granted.minus(uncertainty);
        // Compared before adding: sentAt plus an absurd lifetime may not even be an Instant.
        return counted.compareTo(Duration.between(sentAt, LATEST_EXPIRY)) >= 0 ? LATEST_EXPIRY : sentAt.plus(counted);
    }

    private static DecodedJWT decode(String token) {
        try {
            return JWT.decode(token);
        } catch (JWTDecodeException e) {
            // The decoder's message may quote decoded token parts, so it is not passed on.
            throw malformed(token, "it is not a readable JWT (three base64url parts with JSON header and payload, "
                    + "numeric exp/iat/nbf)");
        }
    }

    private static MalformedLoginResponseException malformed(String token, String problem) {
        return new MalformedLoginResponseException("The login returned an access token (fingerprint "
                + AccessToken.fingerprintOf(token) + ") that cannot be used: " + problem
                + ". Check that tokenkeeper.login.url and the access-token field name point at an endpoint "
                + "that issues JWTs; tokenkeeper retries with backoff.");
    }
}
