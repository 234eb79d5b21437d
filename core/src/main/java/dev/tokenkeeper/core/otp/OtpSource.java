package dev.tokenkeeper.core.otp;

import java.time.Instant;

/**
 * Where one-time codes come from for the second login step: the built-in {@link Totp} generator, or
 * application code (a lambda is enough: {@code now -> myAuthenticator.currentCode()}).
 *
 * <p>When the identity service refuses a code (a code already used in the current time step may be
 * refused), the login waits until {@link #nextStepAt(Instant)} and asks for a code once more.
 */
@FunctionalInterface
public interface OtpSource {

    /** The standard TOTP time step (RFC 6238), assumed by {@link #nextStepAt(Instant)} for callbacks. */
    long DEFAULT_PERIOD_SECONDS = 30;

    /**
     * The one-time code valid at {@code now}.
     *
     * @param now the current time on the login's clock
     * @return the code, such as {@code "287082"}
     */
    String code(Instant now);

    /**
     * When the next code becomes valid, strictly after {@code now}. The default assumes the standard
     * 30-second TOTP steps aligned to the epoch, which is what authenticator apps use.
     */
    default Instant nextStepAt(Instant now) {
        long step = Math.floorDiv(now.getEpochSecond(), DEFAULT_PERIOD_SECONDS);
        return Instant.ofEpochSecond((step + 1) * DEFAULT_PERIOD_SECONDS);
    }

    /** Where the codes come from, for log lines and error messages; never a secret. */
    default String description() {
        return "callback";
    }
}
