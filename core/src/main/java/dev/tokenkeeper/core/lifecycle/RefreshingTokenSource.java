package dev.tokenkeeper.core.lifecycle;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.TokenSourceStats;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import dev.tokenkeeper.core.error.TokenSourceClosedException;
import dev.tokenkeeper.core.error.TokenWaitInterruptedException;
import dev.tokenkeeper.core.login.LoginClient;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TokenSource} that keeps a token fresh: the state machine of the architecture.
 *
 * <pre>
 * received ──── fresh ────┬── refresh due ──┬── must block ──┬── expired
 *                         │ hand out token,  │ callers wait   │
 *                         │ one background   │ for the single │
 *                         │ login starts     │ login          │
 * </pre>
 *
 * <h2>How the concurrency works</h2>
 * <ul>
 *   <li>The token and its thresholds live in one immutable {@code TokenState} behind a volatile field.
 *       While it is fresh, a second volatile field points to it too, and the hot path is that one
 *       volatile read. With the system clock, a timer on the login thread clears the field once the
 *       refresh moment has come (re-checking the wall clock at least every second, so a suspended
 *       process catches up within a second); a clock read costs more than everything else on the hot
 *       path. With any other clock (a test's), the hot path compares the refresh moment with
 *       {@link Clock#millis()} instead, since such a clock does not move with the timer.</li>
 *   <li>Logins are single-flight: the one running login is published in an {@link AtomicReference};
 *       whoever installs a new future by compare-and-set starts the login on the source's own login
 *       thread, everybody else joins that future. Blocking callers wait on it with a bound; async
 *       callers get a dependent future and never block.</li>
 *   <li>The login task re-checks, before it logs in, whether another login already replaced the state
 *       its requester saw or failed meanwhile; so a caller that raced past a just-finished login does
 *       not cause a second one.</li>
 *   <li>A failed login is remembered ({@code FailureMemory}) with the moment the next attempt is due;
 *       until then callers are answered from memory (a still-valid token, or the remembered error).</li>
 *   <li>{@link #invalidate} is a compare-and-set of the state against the rejected token, so N
 *       rejections of one token drop it once and cause one login.</li>
 * </ul>
 */
public final class RefreshingTokenSource implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingTokenSource.class);
    private static final VarHandle STATE;
    private static final VarHandle FRESH;
    /** The freshness timer re-reads the wall clock at least this often, to notice suspends and clock steps. */
    private static final long MAX_FRESHNESS_CHECK_MILLIS = 1_000;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(RefreshingTokenSource.class, "state", TokenState.class);
            FRESH = lookup.findVarHandle(RefreshingTokenSource.class, "fresh", TokenState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final LoginClient loginClient;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final Duration maxWait;
    private final RandomGenerator random;
    /** Whether {@link #clock} is the system clock, so the timer can stand in for reading it. */
    private final boolean systemClock;
    private final ScheduledExecutorService loginThread = LoginThreads.create();
    private final AtomicReference<CompletableFuture<TokenState>> inFlight = new AtomicReference<>();
    private final LoginCounters counters = new LoginCounters();

    /** The current token and its thresholds; {@code null} when there is none. Written under single-flight or by CAS. */
    private volatile TokenState state;
    /** {@code state} while it is fresh, else {@code null}: the hot path's one read. Cleared by timer, invalidate, close. */
    private volatile TokenState fresh;
    /** The last failure, or {@code null} after a successful login. Written by the login thread only. */
    private volatile FailureMemory failure;
    private volatile boolean closed;

    private RefreshingTokenSource(Builder builder) {
        this.loginClient = builder.loginClient;
        this.policy = builder.policy;
        this.clock = builder.clock;
        this.maxWait = builder.maxWait;
        this.random = builder.random;
        this.systemClock = Clock.systemUTC().getClass().isInstance(clock);
    }

    /** Starts building a source that logs in with {@code loginClient}. */
    public static Builder builder(LoginClient loginClient) {
        return new Builder(loginClient);
    }

    @Override
    public AccessToken current() {
        TokenState f = fresh;
        if (f != null && (systemClock || f.isFresh(clock.millis()))) {
            return f.token;
        }
        return await(slowPath(state));
    }

    @Override
    public CompletableFuture<AccessToken> currentAsync() {
        TokenState f = fresh;
        if (f != null && (systemClock || f.isFresh(clock.millis()))) {
            return CompletableFuture.completedFuture(f.token);
        }
        CompletableFuture<AccessToken> result = new CompletableFuture<>();
        try {
            Decision decision = slowPath(state);
            if (decision.token != null) {
                result.complete(decision.token);
            } else {
                // A dependent future with its own timeout: a caller cancelling or timing out its future
                // leaves the login that other callers share untouched.
                decision.login.copy().orTimeout(maxWait.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, error) -> {
                    if (error == null) {
                        result.complete(done.token);
                    } else {
                        try {
                            result.complete(stillValidOrThrow(decision.fallback, typed(error)));
                        } catch (TokenKeeperException e) {
                            result.completeExceptionally(e);
                        }
                    }
                });
            }
        } catch (TokenKeeperException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void invalidate(AccessToken rejected) {
        TokenState s = state;
        if (rejected == null || s == null || s.token != rejected) {
            return; // already replaced: a late 401 for an old token triggers nothing
        }
        FRESH.compareAndSet(this, s, null); // first, so no caller picks the rejected token up again
        if (STATE.compareAndSet(this, s, null)) {
            counters.invalidations.increment();
            LOG.info("Token {} was rejected by the server before its expiry; logging in again", rejected.fingerprint());
            startLogin(null, false);
        }
    }

    @Override
    public TokenSourceStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        fresh = null;
        state = null;
        loginThread.shutdownNow();
        CompletableFuture<TokenState> running = inFlight.get();
        if (running != null) {
            running.completeExceptionally(closedError());
        }
        loginClient.close();
        LOG.debug("Token source closed");
    }

    /**
     * What a caller that missed the hot path gets: a token at once, or a login to wait for, with the
     * token it saw, which is still handed out if that login fails while the token has not expired.
     */
    private record Decision(AccessToken token, CompletableFuture<TokenState> login, TokenState fallback) {
    }

    private Decision slowPath(TokenState s) {
        if (closed) {
            throw closedError();
        }
        long now = clock.millis();
        if (s != null && s.isFresh(now)) {
            return new Decision(s.token, null, null); // the hot path's field was cleared a moment early
        }
        if (s != null && s.isUsableWithoutWaiting(now)) {
            if (isAttemptDue(now)) {
                startLogin(s, true);
            }
            return new Decision(s.token, null, null);
        }
        FailureMemory remembered = failure;
        if (remembered != null && !remembered.isAttemptDue(now)) {
            if (s != null && s.isValid(now)) {
                return new Decision(s.token, null, null); // in the margin, but no login may be tried yet: still valid
            }
            counters.failFasts.increment();
            throw remembered.error();
        }
        CompletableFuture<TokenState> login = startLogin(s, false);
        if (!login.isDone()) {
            counters.waits.increment();
        }
        return new Decision(null, login, s);
    }

    private boolean isAttemptDue(long now) {
        FailureMemory remembered = failure;
        return remembered == null || remembered.isAttemptDue(now);
    }

    private AccessToken await(Decision decision) {
        if (decision.token != null) {
            return decision.token;
        }
        try {
            return decision.login.get(maxWait.toMillis(), TimeUnit.MILLISECONDS).token;
        } catch (ExecutionException e) {
            return stillValidOrThrow(decision.fallback, typed(e.getCause()));
        } catch (TimeoutException e) {
            return stillValidOrThrow(decision.fallback, waitedTooLong());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenWaitInterruptedException(
                    "Interrupted while waiting for a login; the login goes on for other callers", e);
        }
    }

    /**
     * Joins the running login or starts one.
     *
     * @param observed  the state the caller saw (the login is skipped if it has been replaced meanwhile)
     * @param proactive whether the token is still usable, so nobody waits for this login
     */
    private CompletableFuture<TokenState> startLogin(TokenState observed, boolean proactive) {
        while (true) {
            CompletableFuture<TokenState> running = inFlight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<TokenState> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                try {
                    loginThread.execute(() -> runLogin(observed, proactive, mine));
                } catch (RejectedExecutionException e) {
                    inFlight.compareAndSet(mine, null);
                    mine.completeExceptionally(closedError());
                }
                return mine;
            }
        }
    }

    /** Runs on the login thread; the only writer of {@code failure} and, apart from invalidate's CAS, of {@code state}. */
    private void runLogin(TokenState observed, boolean proactive, CompletableFuture<TokenState> mine) {
        TokenState result = null;
        TokenKeeperException error = null;
        try {
            long now = clock.millis();
            TokenState latest = state;
            FailureMemory remembered = failure;
            if (latest != null && latest != observed && latest.isUsableWithoutWaiting(now)) {
                result = latest; // another login replaced the token after the caller looked
            } else if (remembered != null && !remembered.isAttemptDue(now)) {
                error = remembered.error(); // a login failed after the caller looked; no new attempt yet
            } else {
                result = login(proactive);
            }
        } catch (TokenKeeperException e) {
            error = e;
            recordFailure(e);
        } catch (RuntimeException e) {
            error = new IdentityServiceUnavailableException(
                    "The login failed unexpectedly (" + e.getClass().getSimpleName() + "); it will be retried with backoff", e);
            recordFailure(error);
        } finally {
            // Cleared before completing, so a caller woken by the completion never joins a finished login.
            inFlight.compareAndSet(mine, null);
            if (result != null) {
                mine.complete(result);
            } else {
                mine.completeExceptionally(error != null ? error : closedError());
            }
        }
    }

    private TokenState login(boolean proactive) {
        if (closed) {
            throw closedError();
        }
        counters.logins.increment();
        if (proactive) {
            counters.refreshes.increment();
        }
        AccessToken token = loginClient.login();
        TokenState planned = TokenState.plan(token, policy, random.nextDouble());
        if (closed) {
            throw closedError();
        }
        state = planned;
        fresh = planned;
        failure = null;
        if (systemClock) {
            scheduleFreshnessCheck(planned);
        }
        LOG.info("Logged in{}: token {} valid until {}, refresh from {}", proactive ? " (proactive refresh)" : "",
                token.fingerprint(), token.expiresAt(), Instant.ofEpochMilli(planned.refreshAtMillis));
        if (!planned.isUsableWithoutWaiting(clock.millis())) {
            LOG.warn("Token {} arrived already within its expiry margin (lifetime {}); the login took too long "
                    + "for this token lifetime, so callers will wait for logins often", token.fingerprint(), token.lifetime());
        }
        return planned;
    }

    /** Clears the hot path's field once {@code planned} is no longer fresh; see the class comment. */
    private void scheduleFreshnessCheck(TokenState planned) {
        long delay = Math.min(planned.refreshAtMillis - clock.millis(), MAX_FRESHNESS_CHECK_MILLIS);
        try {
            loginThread.schedule(() -> checkFreshness(planned), Math.max(0, delay), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            fresh = null; // closed meanwhile
        }
    }

    private void checkFreshness(TokenState planned) {
        if (fresh != planned) {
            return; // replaced or invalidated: that path has taken care of the field
        }
        if (planned.isFresh(clock.millis())) {
            scheduleFreshnessCheck(planned);
        } else {
            FRESH.compareAndSet(this, planned, null);
        }
    }

    private void recordFailure(TokenKeeperException e) {
        counters.loginFailures.increment();
        if (closed) {
            return;
        }
        long now = clock.millis();
        FailureMemory next = FailureMemory.after(failure, e, policy, now, random.nextDouble());
        failure = next;
        Duration wait = Duration.ofMillis(next.nextAttemptAtMillis() - now);
        if (e.isRetryable()) {
            LOG.warn("Login failed ({} in a row), next attempt in {} ms: {}", next.consecutiveFailures(),
                    wait.toMillis(), e.getMessage());
        } else {
            LOG.warn("Login refused, no new attempt for {} s (protects the account from lockout): {}",
                    wait.toSeconds(), e.getMessage());
        }
    }

    /**
     * After a failed login: the token the caller saw if it has not expired yet (the architecture's
     * "while the cached token is still valid, keep using it"), else the error. Not a token that has
     * been invalidated meanwhile: then {@code state} no longer holds it.
     */
    private AccessToken stillValidOrThrow(TokenState fallback, TokenKeeperException error) {
        if (fallback != null && fallback == state && fallback.isValid(clock.millis())) {
            return fallback.token;
        }
        throw error;
    }

    private TokenKeeperException typed(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TokenKeeperException typed) {
            return typed;
        }
        if (cause instanceof TimeoutException) {
            return waitedTooLong();
        }
        return new IdentityServiceUnavailableException(
                "The login failed unexpectedly (" + cause.getClass().getSimpleName() + ")", cause);
    }

    private IdentityServiceUnavailableException waitedTooLong() {
        return new IdentityServiceUnavailableException("No token after waiting " + maxWait.toMillis()
                + " ms for the login; the identity service is too slow. Check its health or raise the timeouts", null);
    }

    private static TokenSourceClosedException closedError() {
        return new TokenSourceClosedException("This token source is closed; create a new one to make further requests");
    }

    @Override
    public String toString() {
        TokenState s = state;
        return "RefreshingTokenSource[token=" + (s == null ? "none" : s.token) + ", closed=" + closed + "]";
    }

    /** Builds a {@link RefreshingTokenSource}. */
    public static final class Builder {
        private final LoginClient loginClient;
        private RefreshPolicy policy = RefreshPolicy.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private Duration maxWait = Duration.ofSeconds(60);
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder(LoginClient loginClient) {
            this.loginClient = Objects.requireNonNull(loginClient, "loginClient");
        }

        /** Thresholds and failure handling; default {@link RefreshPolicy#DEFAULTS}. */
        public Builder policy(RefreshPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The clock all thresholds are measured on; must be the one the login client stamps tokens with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The longest a caller waits for a login before failing with
         * {@link IdentityServiceUnavailableException}; default 60 s. Should exceed the login's own
         * timeouts (all its HTTP requests plus a TOTP step wait).
         */
        public Builder maxWait(Duration maxWait) {
            if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("maxWait must be positive, was " + maxWait);
            }
            this.maxWait = maxWait;
            return this;
        }

        /** The randomness behind the refresh spread and the backoff jitter; replaceable for tests. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public RefreshingTokenSource build() {
            return new RefreshingTokenSource(this);
        }
    }
}
