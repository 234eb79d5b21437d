package dev.tokenkeeper.testkit;

/**
 * How the {@link IdentityServer} shapes the access tokens it issues from now on
 * ({@link IdentityServer#setTokenStyle}). Every style except {@link #NORMAL} models a server a client must
 * survive.
 */
public enum TokenStyle {
    /** HS256 JWT with {@code sub}, {@code iat}, {@code exp}, {@code jti}. */
    NORMAL,
    /** A JWT without {@code exp}: the echo API accepts it until {@link IdentityServer#revokeAllTokens()}. */
    NO_EXP,
    /** A JWT without {@code iat}; {@code exp} as usual. */
    NO_IAT,
    /**
     * A JWT that is expired when issued: {@code iat} is the server's now (whole seconds) and {@code exp} one
     * second before it, so the token is expired on every clock and {@code exp - iat} is negative.
     */
    ALREADY_EXPIRED,
    /**
     * An opaque random string instead of a JWT. The server remembers it: the echo API accepts it for the
     * token lifetime (until revoked), as a server with opaque tokens would.
     */
    NOT_A_JWT
}
