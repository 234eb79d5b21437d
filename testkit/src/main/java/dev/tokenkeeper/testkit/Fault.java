package dev.tokenkeeper.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the {@link IdentityServer} shows on a login step instead of (or around) its normal answer;
 * see {@link IdentityServer#injectFault(LoginStep, Fault, int)}. Immutable.
 *
 * <p>A faulted request has still been received: it counts as attempted, and the protocol checks on it
 * (identityToken, content type, query string) still record their violations.
 */
public final class Fault {

    /** What the fault does; package-private because tests only need the factories. */
    enum Kind {
        STATUS, TOO_MANY_REQUESTS, SLOW, TRICKLE, NO_ANSWER, CONNECTION_RESET, NON_JSON, OK_WITHOUT_TOKEN,
        OVERSIZED_BODY, STALE_MFA_TOKEN
    }

    private final Kind kind;
    private final int status;
    private final Duration duration;
    private final int bytes;

    private Fault(Kind kind, int status, Duration duration, int bytes) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.bytes = bytes;
    }

    /**
     * Answers {@code code} with a small JSON error body, as the real service would: on the password step 401
     * means "wrong credentials", on the OTP step "code refused"; 403 "refused"; 5xx "unavailable".
     *
     * @param code an HTTP status from 400 to 599
     */
    public static Fault status(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("Fault.status needs an error status 400..599, got " + code);
        }
        return new Fault(Kind.STATUS, code, Duration.ZERO, 0);
    }

    /** Answers 429 with {@code Retry-After: <seconds>} (rounded up to whole seconds). */
    public static Fault tooManyRequests(Duration retryAfter) {
        requireNotNegative(retryAfter, "retryAfter");
        return new Fault(Kind.TOO_MANY_REQUESTS, 429, retryAfter, 0);
    }

    /** Answers normally, after {@code delay}. */
    public static Fault slow(Duration delay) {
        requireNotNegative(delay, "delay");
        return new Fault(Kind.SLOW, 0, delay, 0);
    }

    /**
     * Answers normally, but sends the body one byte at a time, {@code perByte} apart, as a stalled proxy or a
     * slowloris would: a client whose response timeout is longer than {@code perByte} never sees a silence
     * long enough to time out, yet the whole answer (a JWT is some 200 bytes) takes minutes. A client must
     * bound the whole exchange, not only each read.
     */
    public static Fault trickle(Duration perByte) {
        requireNotNegative(perByte, "perByte");
        return new Fault(Kind.TRICKLE, 0, perByte, 0);
    }

    /** Reads the request and never answers; the connection stays open until the server is closed. */
    public static Fault noAnswer() {
        return new Fault(Kind.NO_ANSWER, 0, Duration.ZERO, 0);
    }

    /**
     * Drops the connection without sending any response byte. The JDK server gives no access to the socket,
     * so this is a close (the client sees end-of-stream, e.g. HttpClient's {@code NoHttpResponseException}),
     * not necessarily a TCP RST.
     */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, 0, Duration.ZERO, 0);
    }

    /** Answers 200 with a {@code text/html} page instead of JSON (a proxy or maintenance page). */
    public static Fault nonJson() {
        return new Fault(Kind.NON_JSON, 200, Duration.ZERO, 0);
    }

    /** Answers 200 {@code {}}: neither accessToken nor mfaToken. */
    public static Fault okWithoutToken() {
        return new Fault(Kind.OK_WITHOUT_TOKEN, 200, Duration.ZERO, 0);
    }

    /**
     * Answers the normal 200 JSON with a padding field placed <em>before</em> the token, so the body is larger
     * than {@code bytes} and a client must read past its size bound to find the token. The token is genuinely
     * issued (it counts in {@link ServerCounters#loginsSucceeded()}): a client without a bound would succeed.
     */
    public static Fault oversizedBody(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        return new Fault(Kind.OVERSIZED_BODY, 200, Duration.ZERO, bytes);
    }

    /**
     * OTP step only: answers 401 {@code {"error":"mfa_token_expired"}} as if the mfaToken had gone stale, so
     * the client has to start again with the password step.
     */
    public static Fault staleMfaToken() {
        return new Fault(Kind.STALE_MFA_TOKEN, 401, Duration.ZERO, 0);
    }

    Kind kind() {
        return kind;
    }

    int statusCode() {
        return status;
    }

    Duration duration() {
        return duration;
    }

    int bytes() {
        return bytes;
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f && kind == f.kind && status == f.status && bytes == f.bytes
                && duration.equals(f.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, duration, bytes);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "Fault.status(" + status + ")";
            case TOO_MANY_REQUESTS -> "Fault.tooManyRequests(" + duration + ")";
            case SLOW -> "Fault.slow(" + duration + ")";
            case TRICKLE -> "Fault.trickle(" + duration + ")";
            case OVERSIZED_BODY -> "Fault.oversizedBody(" + bytes + ")";
            case NO_ANSWER -> "Fault.noAnswer()";
            case CONNECTION_RESET -> "Fault.connectionReset()";
            case NON_JSON -> "Fault.nonJson()";
            case OK_WITHOUT_TOKEN -> "Fault.okWithoutToken()";
            case STALE_MFA_TOKEN -> "Fault.staleMfaToken()";
        };
    }
}
