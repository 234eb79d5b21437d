package dev.tokenkeeper.testkit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Issues access tokens and judges the ones the API receives: HS256 with a random per-server key, zero leeway
 * against the server's clock, revocation by {@code jti}.
 *
 * <p><strong>Second granularity.</strong> JWT times are whole seconds. {@code iat} is the server's now rounded
 * <em>down</em> and {@code exp} is now + lifetime rounded <em>up</em>, so every token is accepted for at least
 * its full lifetime: with a 1 s lifetime, rounding {@code exp} down could leave a token that lives a few
 * milliseconds, and tests of short tokens would flake. The price is that {@code exp - iat} can exceed the
 * time the token really has left at issue by up to (but less than) one second, because {@code iat} lies up
 * to a second before the real moment of issue: a client measuring {@code exp - iat} from receipt must keep a
 * margin of a second, as it must with any real server.
 */
final class TokenIssuer {

    /** What the API concluded about a presented token. */
    record Verdict(ApiOutcome outcome, String subject, String jti, String reason) {
    }

    /** What the server remembers of a token: whether revoked, and for opaque tokens the claims. */
    private record Issued(String subject, String jti, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Instant> serverNow;
    private final Algorithm algorithm;
    private final Map<String, Boolean> revokedByJti = new ConcurrentHashMap<>();
    private final Map<String, Issued> opaqueTokens = new ConcurrentHashMap<>();
    private volatile Duration lifetime;
    private volatile TokenStyle style = TokenStyle.NORMAL;

    TokenIssuer(Supplier<Instant> serverNow, Duration lifetime) {
        this.serverNow = serverNow;
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        this.algorithm = Algorithm.HMAC256(key);
        setLifetime(lifetime);
    }

    void setLifetime(Duration lifetime) {
        this.lifetime = requireValidLifetime(lifetime);
    }

    /** Returns {@code lifetime} if it is at least 1 s (JWT times are whole seconds), else throws. */
    static Duration requireValidLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("token lifetime must be at least 1 s (JWT times are whole "
                    + "seconds), got " + lifetime);
        }
        return lifetime;
    }

    void setStyle(TokenStyle style) {
        this.style = Objects.requireNonNull(style, "style");
    }

    /** A new access token for {@code subject}, shaped by the current {@link TokenStyle}. */
    String issue(String subject) {
        Instant now = serverNow.get();
        Duration life = lifetime;
        String jti = UUID.randomUUID().toString();
        Instant iat = Instant.ofEpochSecond(now.getEpochSecond());
        Instant end = now.plus(life);
        Instant exp = Instant.ofEpochSecond(end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0));
        revokedByJti.put(jti, Boolean.FALSE);
        TokenStyle current = style;
        if (current == TokenStyle.NOT_A_JWT) {
            String opaque = randomOpaque();
            opaqueTokens.put(opaque, new Issued(subject, jti, exp));
            return opaque;
        }
        JWTCreator.Builder jwt = JWT.create().withSubject(subject).withJWTId(jti);
        switch (current) {
            case NORMAL -> jwt.withIssuedAt(iat).withExpiresAt(exp);
            case NO_EXP -> jwt.withIssuedAt(iat);
            case NO_IAT -> jwt.withExpiresAt(exp);
            case ALREADY_EXPIRED -> jwt.withIssuedAt(iat).withExpiresAt(iat.minusSeconds(1));
            default -> throw new IllegalStateException("unhandled style " + current);
        }
        return jwt.sign(algorithm);
    }

    /** Judges a bearer token: signature (or known opaque value), revocation, then expiry with zero leeway. */
    Verdict check(String token) {
        Issued opaque = opaqueTokens.get(token);
        if (opaque != null) {
            return judge(opaque);
        }
        DecodedJWT jwt;
        try {
            jwt = JWT.decode(token);
            algorithm.verify(jwt);
        } catch (JWTDecodeException e) {
            return new Verdict(ApiOutcome.INVALID_TOKEN, null, null, "not a token this server issued");
        } catch (SignatureVerificationException e) {
            return new Verdict(ApiOutcome.INVALID_TOKEN, null, null, "signature does not verify");
        }
        if (jwt.getId() == null || !revokedByJti.containsKey(jwt.getId())) {
            return new Verdict(ApiOutcome.INVALID_TOKEN, null, null, "unknown jti");
        }
        return judge(new Issued(jwt.getSubject(), jwt.getId(), jwt.getExpiresAtAsInstant()));
    }

    private Verdict judge(Issued token) {
        if (Boolean.TRUE.equals(revokedByJti.get(token.jti()))) {
            return new Verdict(ApiOutcome.REVOKED_TOKEN, token.subject(), token.jti(), "the token was revoked");
        }
        // RFC 7519: the token must not be accepted on or after exp. No leeway.
        if (token.expiresAt() != null && !serverNow.get().isBefore(token.expiresAt())) {
            return new Verdict(ApiOutcome.EXPIRED_TOKEN, token.subject(), token.jti(), "the token expired");
        }
        return new Verdict(ApiOutcome.OK, token.subject(), token.jti(), null);
    }

    /** Every token issued so far is refused from now on. */
    void revokeAll() {
        revokedByJti.replaceAll((jti, revoked) -> Boolean.TRUE);
    }

    private static String randomOpaque() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
