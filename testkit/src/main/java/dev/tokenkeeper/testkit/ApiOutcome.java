package dev.tokenkeeper.testkit;

/** What the protected API made of a request's {@code Authorization} header; counted per outcome. */
public enum ApiOutcome {
    /** A valid bearer token: the call was served. */
    OK,
    /** No {@code Authorization: Bearer ...} header at all (401). */
    MISSING_TOKEN,
    /** Not a token this server issued: bad signature, not a JWT it knows, unreadable (401). */
    INVALID_TOKEN,
    /** A genuine token whose {@code exp} is not after the server's now; zero leeway (401). */
    EXPIRED_TOKEN,
    /** A genuine token issued before {@link IdentityServer#revokeAllTokens()} (401). */
    REVOKED_TOKEN
}
