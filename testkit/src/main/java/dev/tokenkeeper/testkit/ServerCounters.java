package dev.tokenkeeper.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an {@link IdentityServer} has seen: the numbers tests assert on.
 *
 * <p>A <strong>live view</strong>, not a snapshot: each getter reads the current value, so read all values
 * after the activity you measure has finished (e.g. after the client calls returned, or inside an Awaitility
 * condition). Thread-safe. {@link IdentityServer#resetCounters()} sets everything back to zero.
 *
 * <p>The recorded lists keep at most {@value #MAX_RECORDED} entries each (the oldest are dropped), so a long
 * benchmark run does not exhaust memory.
 */
public final class ServerCounters {

    /** Bound of each recorded list. */
    public static final int MAX_RECORDED = 100_000;

    private final AtomicInteger loginsAttempted = new AtomicInteger();
    private final AtomicInteger loginsSucceeded = new AtomicInteger();
    private final AtomicInteger otpSteps = new AtomicInteger();
    private final AtomicInteger otpRejected = new AtomicInteger();
    private final AtomicInteger loginsInFlight = new AtomicInteger();
    private final AtomicInteger maxConcurrentLogins = new AtomicInteger();
    private final AtomicInteger reusedIdentityTokens = new AtomicInteger();
    /** SHA-256 of each identityToken seen on a password step, to detect reuse. */
    private final Set<String> identityTokenHashes = ConcurrentHashMap.newKeySet();
    /** The identityTokens themselves, bounded, only so leak tests can search logs and messages for them. */
    private final Deque<String> identityTokens = new ArrayDeque<>();
    private final Deque<Instant> loginAttemptTimes = new ArrayDeque<>();
    private final Map<ApiOutcome, AtomicInteger> apiCalls = new EnumMap<>(ApiOutcome.class);
    private final Deque<String> authorizationHeaders = new ArrayDeque<>();
    private final Deque<String> redirectAuthorizationHeaders = new ArrayDeque<>();
    private final Deque<String> violations = new ArrayDeque<>();

    ServerCounters() {
        for (ApiOutcome outcome : ApiOutcome.values()) {
            apiCalls.put(outcome, new AtomicInteger());
        }
    }

    /** Password-step requests received (faulted ones included). */
    public int loginsAttempted() {
        return loginsAttempted.get();
    }

    /**
     * When each password-step request arrived, on the server's clock, in arrival order (faulted ones
     * included): for tests that count login attempts per time window, such as per credentials cool-down.
     */
    public List<Instant> loginAttemptTimes() {
        return copy(loginAttemptTimes);
    }

    /** Access tokens issued, by either step. */
    public int loginsSucceeded() {
        return loginsSucceeded.get();
    }

    /** OTP-step requests received (faulted ones included). */
    public int otpSteps() {
        return otpSteps.get();
    }

    /** OTP-step requests answered 401: wrong or replayed code, unknown or stale mfaToken, injected 401. */
    public int otpRejected() {
        return otpRejected.get();
    }

    /**
     * The most password- and OTP-step requests that were in the server at the same time. A request held by
     * {@link Fault#noAnswer()} stops counting once the server starts holding it (its client will time out).
     */
    public int maxConcurrentLogins() {
        return maxConcurrentLogins.get();
    }

    /** Login requests being processed right now (a request held by {@link Fault#noAnswer()} is not). */
    public int loginsInFlight() {
        return loginsInFlight.get();
    }

    /** Different identityTokens seen on password steps. */
    public int distinctIdentityTokens() {
        return identityTokenHashes.size();
    }

    /**
     * The identityTokens of password steps, in arrival order. They are single-use random values, worthless
     * once their login is over; they are kept so secret-leak tests can assert that none of them reached a
     * log line, an exception message or a URL.
     */
    public List<String> identityTokensSeen() {
        return copy(identityTokens);
    }

    /** Password steps that came with an identityToken already used by an earlier password step: a violation. */
    public int reusedIdentityTokens() {
        return reusedIdentityTokens.get();
    }

    /** Calls of the protected API ({@code /api/echo/**}, {@code /api/status/*}) with this outcome. */
    public int apiCalls(ApiOutcome outcome) {
        return apiCalls.get(outcome).get();
    }

    /** Calls of the protected API, whatever the outcome. */
    public int apiCallsTotal() {
        return apiCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * The full {@code Authorization} values of protected API calls that carried one, in arrival order. Calls
     * without the header are not listed (they count as {@link ApiOutcome#MISSING_TOKEN}).
     */
    public List<String> authorizationHeadersSeen() {
        return copy(authorizationHeaders);
    }

    /**
     * The {@code Authorization} values that reached the unprotected {@code /api/redirect} endpoint, in order;
     * requests without the header are listed as the empty string, so the list has one entry per request.
     */
    public List<String> redirectAuthorizationHeadersSeen() {
        return copy(redirectAuthorizationHeaders);
    }

    /** Human-readable protocol violations by clients, in order; empty for a well-behaved client. */
    public List<String> protocolViolations() {
        return copy(violations);
    }

    @Override
    public String toString() {
        return "ServerCounters[loginsAttempted=" + loginsAttempted + ", loginsSucceeded=" + loginsSucceeded
                + ", otpSteps=" + otpSteps + ", otpRejected=" + otpRejected + ", maxConcurrentLogins="
                + maxConcurrentLogins + ", distinctIdentityTokens=" + distinctIdentityTokens()
                + ", reusedIdentityTokens=" + reusedIdentityTokens + ", apiCalls=" + apiCalls
                + ", violations=" + protocolViolations() + "]";
    }

    // ---- recording, package-private: only the servers write ----

    void loginAttempted(Instant at) {
        loginsAttempted.incrementAndGet();
        append(loginAttemptTimes, at);
    }

    void loginSucceeded() {
        loginsSucceeded.incrementAndGet();
    }

    void otpStep() {
        otpSteps.incrementAndGet();
    }

    void otpRejectedOnce() {
        otpRejected.incrementAndGet();
    }

    void loginEntered() {
        int now = loginsInFlight.incrementAndGet();
        maxConcurrentLogins.accumulateAndGet(now, Math::max);
    }

    void loginLeft() {
        loginsInFlight.decrementAndGet();
    }

    /** Records a password step's identityToken; returns false when it had been seen before. */
    boolean identityTokenSeen(String identityToken) {
        append(identityTokens, identityToken);
        boolean fresh = identityTokenHashes.add(sha256(identityToken));
        if (!fresh) {
            reusedIdentityTokens.incrementAndGet();
        }
        return fresh;
    }

    void apiCall(ApiOutcome outcome, String authorization) {
        apiCalls.get(outcome).incrementAndGet();
        if (authorization != null) {
            append(authorizationHeaders, authorization);
        }
    }

    void redirectCall(String authorization) {
        append(redirectAuthorizationHeaders, authorization == null ? "" : authorization);
    }

    void violation(String description) {
        append(violations, description);
    }

    void reset() {
        loginsAttempted.set(0);
        loginsSucceeded.set(0);
        otpSteps.set(0);
        otpRejected.set(0);
        maxConcurrentLogins.set(loginsInFlight.get());
        reusedIdentityTokens.set(0);
        identityTokenHashes.clear();
        clear(identityTokens);
        clear(loginAttemptTimes);
        apiCalls.values().forEach(c -> c.set(0));
        clear(authorizationHeaders);
        clear(redirectAuthorizationHeaders);
        clear(violations);
    }

    /** Forgets the recorded Authorization values (not the counts), so a long run's memory stays flat. */
    void forgetAuthorizationHeaders() {
        clear(authorizationHeaders);
        clear(redirectAuthorizationHeaders);
    }

    private static <T> void append(Deque<T> list, T value) {
        synchronized (list) {
            if (list.size() == MAX_RECORDED) {
                list.removeFirst();
            }
            list.addLast(value);
        }
    }

    private static <T> List<T> copy(Deque<T> list) {
        synchronized (list) {
            return List.copyOf(new ArrayList<>(list));
        }
    }

    private static void clear(Deque<?> list) {
        synchronized (list) {
            list.clear();
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
