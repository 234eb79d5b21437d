package dev.tokenkeeper.core.otp;

import java.time.Duration;
import java.util.Objects;

/**
 * How TOTP codes are computed (RFC 6238).
 *
 * @param algorithm the HMAC function
 * @param digits    code length, 6 to 8
 * @param period    time step, whole seconds from 1 s to {@link #MAX_PERIOD}
 */
public record TotpParameters(TotpAlgorithm algorithm, int digits, Duration period) {

    /** Longest accepted time step; a login may wait up to one step for a second code. */
    public static final Duration MAX_PERIOD = Duration.ofMinutes(5);

    /** HMAC-SHA1, 6 digits, 30-second steps: what authenticator apps and {@code protocol.md} use. */
    public static final TotpParameters DEFAULTS = new TotpParameters(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));

    public TotpParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(period, "period");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6, 7 or 8, was " + digits);
        }
        if (period.getNano() != 0 || period.getSeconds() < 1 || period.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("period must be whole seconds from 1 s to " + MAX_PERIOD.toSeconds()
                    + " s, was " + period);
        }
    }
}
