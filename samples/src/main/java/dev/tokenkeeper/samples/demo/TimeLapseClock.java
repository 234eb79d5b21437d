package dev.tokenkeeper.samples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at the real now and runs {@code speed} times faster.
 *
 * <p>Why the demo needs it: the identity server accepts each TOTP code once per 30-second step (as
 * real ones may), so every login with the TOTP step needs a step of its own. Three logins (the first, a
 * proactive refresh, one after a revoke) would take more than a minute of real time. Running the
 * identity server, the token lifecycle and the TOTP generator on this one clock keeps every rule as it
 * is and fits the story into a few real seconds. HTTP timeouts stay on real time.
 */
final class TimeLapseClock extends Clock {

    private final Instant origin;
    private final long originNanos;
    private final int speed;

    TimeLapseClock(int speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1, was " + speed);
        }
        this.origin = Instant.now();
        this.originNanos = System.nanoTime();
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((System.nanoTime() - originNanos) * speed);
    }

    /** How many times faster than real time this clock runs. */
    int speed() {
        return speed;
    }

    /** The real time that {@code demoTime} on this clock takes. */
    Duration realTime(Duration demoTime) {
        return demoTime.dividedBy(speed);
    }

    /** Sleeps until this clock reads {@code target} (returns at once if it already does). */
    void sleepUntil(Instant target) throws InterruptedException {
        Duration left = Duration.between(instant(), target);
        if (!left.isNegative() && !left.isZero()) {
            Duration real = realTime(left);
            Thread.sleep(real.toMillis(), real.toNanosPart() % 1_000_000);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the demo clock has one zone, UTC");
    }
}
