package dev.tokenkeeper.core.login;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random identity token of one login attempt ({@code protocol.md}: used for cryptographic purposes
 * during login only). 256 bits from a {@link SecureRandom}, base64url without padding. Callers keep it
 * in a local variable for the attempt's steps and never store, log or reuse it.
 */
final class IdentityTokens {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private IdentityTokens() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
