package dev.tokenkeeper.benchmarks.hotpath;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * <b>Not the library</b>: a sketch of the fix proposed for the hot path, measured next to the real thing.
 *
 * <p>{@code RefreshingTokenSource.current()} compares the token's refresh moment with
 * {@code Clock.millis()} on every call. On this machine a clock read costs about 24 ns (see
 * {@link ClockCost}), which is nearly all of tokenkeeper's per-request cost. The sketch moves the time
 * check off the hot path: a timer on the source's own thread clears a volatile "fresh token" field when
 * the refresh moment comes, so the hot path is one volatile read; callers that find it cleared take the
 * existing clock-based slow path (here: the real token source).
 */
final class NoClockReadPrototype implements AutoCloseable {

    private final TokenSource slowPath;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fresh-token-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile AccessToken fresh;

    NoClockReadPrototype(TokenSource slowPath, Duration refreshLead) {
        this.slowPath = slowPath;
        AccessToken token = slowPath.current();
        this.fresh = token;
        long untilRefresh = token.expiresAt().toEpochMilli() - refreshLead.toMillis() - Clock.systemUTC().millis();
        timer.schedule(() -> {
            fresh = null;
        }, Math.max(0, untilRefresh), TimeUnit.MILLISECONDS);
    }

    AccessToken current() {
        AccessToken token = fresh;
        return token != null ? token : slowPath.current();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
