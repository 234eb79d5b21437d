package dev.tokenkeeper.httpclient5;

/** What to do with the token on one request hop; decided by {@link HopPolicy}. */
enum Hop {
    /** In scope and not opted out: attach our token (replacing one an earlier hop may carry). */
    ATTACH,
    /** Out of scope, the login endpoint, or opted out: the hop goes without our token (removing it if present). */
    WITHHOLD,
    /** The request carries the user's own {@code Authorization}: leave the request exactly as it is. */
    USER_AUTHORIZATION
}
