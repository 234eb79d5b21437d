package dev.tokenkeeper.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one-time codes as a careful real server does: the current or the previous 30 s step is accepted
 * (a code typed just before the step changed), and a code is accepted at most once per user and step
 * (RFC 6238 section 5.2): after a successful login, the same or an older step is refused, so a client that
 * logs in again within the same step must wait for the next one.
 *
 * <p>Uses the server's base clock, without the {@link IdentityServer#setClockOffset clock offset}: the offset
 * models JWT time skew, and a TOTP server whose clock is minutes off would refuse every code.
 */
final class TotpVerifier {

    enum Result { ACCEPTED, WRONG_CODE, ALREADY_USED }

    private final Clock clock;
    /** Per user email: the last step whose code was accepted. */
    private final Map<String, Long> lastAcceptedStep = new ConcurrentHashMap<>();

    TotpVerifier(Clock clock) {
        this.clock = clock;
    }

    Result verify(UserDirectory.User user, String code) {
        long current = TestTotp.step(clock.instant());
        for (long step = current; step >= current - 1; step--) {
            if (matches(TestTotp.codeForStep(user.totpSecret(), step), code)) {
                return accept(user, step);
            }
        }
        return Result.WRONG_CODE;
    }

    private Result accept(UserDirectory.User user, long step) {
        Result[] result = new Result[1];
        lastAcceptedStep.compute(user.email(), (email, last) -> {
            if (last != null && step <= last) {
                result[0] = Result.ALREADY_USED;
                return last;
            }
            result[0] = Result.ACCEPTED;
            return step;
        });
        return result[0];
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
