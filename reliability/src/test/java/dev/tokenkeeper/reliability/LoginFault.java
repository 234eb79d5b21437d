package dev.tokenkeeper.reliability;

import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.error.OtpRejectedException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.LoginStep;
import dev.tokenkeeper.testkit.TokenStyle;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The rows of the fault matrix: one way the identity service misbehaves, for every login from the moment
 * it is injected, and the typed error a login meeting it must end in ({@code null}: the login succeeds).
 */
enum LoginFault {

    STATUS_401("401 on the password step", false, s -> s.injectFault(LoginStep.PASSWORD, Fault.status(401), -1),
            CredentialsRejectedException.class),
    STATUS_403("403 on the password step", false, s -> s.injectFault(LoginStep.PASSWORD, Fault.status(403), -1),
            CredentialsRejectedException.class),
    TOO_MANY_REQUESTS("429 + `Retry-After: 7`", false,
            s -> s.injectFault(LoginStep.PASSWORD, Fault.tooManyRequests(Duration.ofSeconds(7)), -1),
            IdentityServiceUnavailableException.class),
    ABSURD_RETRY_AFTER("429 + `Retry-After: 10^17` (seconds)", false,
            s -> s.injectFault(LoginStep.PASSWORD, Fault.tooManyRequests(Duration.ofSeconds(100_000_000_000_000_000L)), -1),
            IdentityServiceUnavailableException.class),
    STATUS_500("500", false, s -> s.injectFault(LoginStep.PASSWORD, Fault.status(500), -1),
            IdentityServiceUnavailableException.class),
    STATUS_503("503", false, s -> s.injectFault(LoginStep.PASSWORD, Fault.status(503), -1),
            IdentityServiceUnavailableException.class),
    SLOW_WITHIN_TIMEOUT("slow, 300 ms (within the timeout)", false,
            s -> s.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofMillis(300)), -1), null),
    SLOW("slow, 3 s (beyond the timeout)", false,
            s -> s.injectFault(LoginStep.PASSWORD, Fault.slow(Duration.ofSeconds(3)), -1),
            IdentityServiceUnavailableException.class),
    TRICKLE("body trickled, 1 byte per 250 ms (each read within the timeout)", false,
            s -> s.injectFault(LoginStep.PASSWORD, Fault.trickle(Duration.ofMillis(250)), -1),
            IdentityServiceUnavailableException.class),
    NO_ANSWER("no answer", false, s -> s.injectFault(LoginStep.PASSWORD, Fault.noAnswer(), -1),
            IdentityServiceUnavailableException.class),
    RESET("connection reset", false, s -> s.injectFault(LoginStep.PASSWORD, Fault.connectionReset(), -1),
            IdentityServiceUnavailableException.class),
    NON_JSON("200 with an HTML page", false, s -> s.injectFault(LoginStep.PASSWORD, Fault.nonJson(), -1),
            MalformedLoginResponseException.class),
    WITHOUT_TOKEN("200 `{}` without a token", false, s -> s.injectFault(LoginStep.PASSWORD, Fault.okWithoutToken(), -1),
            MalformedLoginResponseException.class),
    OVERSIZED("200 with a 1 MiB body", false,
            s -> s.injectFault(LoginStep.PASSWORD, Fault.oversizedBody(1024 * 1024), -1),
            MalformedLoginResponseException.class),
    NOT_A_JWT("token not a JWT", false, s -> s.setTokenStyle(TokenStyle.NOT_A_JWT),
            MalformedLoginResponseException.class),
    ALREADY_EXPIRED("token already expired", false, s -> s.setTokenStyle(TokenStyle.ALREADY_EXPIRED),
            MalformedLoginResponseException.class),
    OTP_REFUSED("one-time code refused (MFA user)", true, s -> s.injectFault(LoginStep.OTP, Fault.status(401), -1),
            OtpRejectedException.class),
    MFA_TOKEN_STALE("mfaToken stale (MFA user)", true, s -> s.injectFault(LoginStep.OTP, Fault.staleMfaToken(), -1),
            OtpRejectedException.class);

    final String label;
    final boolean mfa;
    private final Consumer<IdentityServer> inject;
    final Class<? extends TokenKeeperException> error;

    LoginFault(String label, boolean mfa, Consumer<IdentityServer> inject, Class<? extends TokenKeeperException> error) {
        this.label = label;
        this.mfa = mfa;
        this.inject = inject;
        this.error = error;
    }

    void injectInto(IdentityServer server) {
        inject.accept(server);
    }

    /**
     * How long a login meeting this fault waits before it gives up, when connect and response timeout are
     * both {@code timeout}: a silence ends at the response timeout; a trickled answer at the request's whole
     * budget (connect + 2 x response); the others fail at once.
     */
    Duration expectedWait(Duration timeout) {
        return switch (this) {
            case SLOW, NO_ANSWER -> timeout;
            case TRICKLE -> timeout.multipliedBy(3);
            default -> Duration.ZERO;
        };
    }

    /** One-time code steps a login meeting this fault makes: the code, and once more with the next one. */
    int otpStepsPerLogin() {
        return mfa ? 2 : 0;
    }
}
