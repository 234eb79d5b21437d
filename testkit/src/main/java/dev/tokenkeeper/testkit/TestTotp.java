package dev.tokenkeeper.testkit;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP as the protocol uses it (HMAC-SHA1, 6 digits, 30-second steps from the Unix epoch), written
 * independently of the core's generator so that each checks the other. The {@link IdentityServer} verifies
 * codes with it; tests use it to compute the code a client should send.
 */
public final class TestTotp {

    /** Seconds per time step. */
    public static final long STEP_SECONDS = 30;
    /** Digits per code. */
    public static final int DIGITS = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTotp() {
    }

    /** The code for the time step that contains {@code at}. */
    public static String code(String base32Secret, Instant at) {
        return codeForStep(base32Secret, step(at));
    }

    /** The code for time step {@code step} (see {@link #step(Instant)}). */
    public static String codeForStep(String base32Secret, long step) {
        return hotp(Base32.decode(base32Secret), step, DIGITS);
    }

    /** The time step that contains {@code at}: {@code floor(epochSeconds / 30)}. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The first instant of the step after the one that contains {@code at}. */
    public static Instant nextStepStart(Instant at) {
        return Instant.ofEpochSecond((step(at) + 1) * STEP_SECONDS);
    }

    /** A new random 160-bit secret, base32 without padding (what an authenticator app's QR code carries). */
    public static String randomSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return Base32.encode(key);
    }

    /**
     * RFC 4226 HOTP with HMAC-SHA1: the building block, public so tests can check it against the RFC 6238
     * Appendix B vectors (which use 8 digits).
     */
    public static String hotp(byte[] key, long counter, int digits) {
        Objects.requireNonNull(key, "key");
        if (digits < 1 || digits > 9) {
            throw new IllegalArgumentException("digits must be 1..9, got " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by every Java platform", e);
        }
        // Dynamic truncation, RFC 4226 section 5.3.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    }
}
