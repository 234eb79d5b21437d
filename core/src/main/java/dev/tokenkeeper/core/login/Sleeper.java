package dev.tokenkeeper.core.login;

import java.time.Duration;

/**
 * Waits, on the login thread, for the next one-time-code time step. A seam so that tests with a
 * controllable clock advance the clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps ({@link Thread#sleep}). */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /**
     * Returns after {@code duration} has passed (on the clock the login uses).
     *
     * @throws InterruptedException when the thread is interrupted (for example because the token
     *                              source is closing)
     */
    void sleep(Duration duration) throws InterruptedException;
}
