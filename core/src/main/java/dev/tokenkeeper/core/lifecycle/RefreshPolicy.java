package dev.tokenkeeper.core.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * When to refresh a token and how to behave when logins fail. All values are durations.
 *
 * @param refreshBeforeExpiry  start a background login once the remaining lifetime is at most this;
 *                             clamped to half the token's lifetime
 * @param expiryMargin         make callers wait for a login once the remaining lifetime is at most this;
 *                             clamped to a quarter of the token's lifetime
 * @param defaultLifetime      lifetime assumed for a token that carries no {@code exp}
 * @param credentialsCooldown  how long refused credentials are remembered before one more login is tried
 * @param initialBackoff       first wait after the identity service was unavailable; doubles per failure
 * @param maxBackoff           the cap of that doubling
 */
public record RefreshPolicy(
        Duration refreshBeforeExpiry,
        Duration expiryMargin,
        Duration defaultLifetime,
        Duration credentialsCooldown,
        Duration initialBackoff,
        Duration maxBackoff) {

    /** The defaults: refresh 60 s before expiry, block 5 s before, 5 min default lifetime, 60 s cool-down, 1 s to 60 s backoff. */
    public static final RefreshPolicy DEFAULTS = new RefreshPolicy(
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(60));

    public RefreshPolicy {
        requirePositive(refreshBeforeExpiry, "refreshBeforeExpiry", true);
        requirePositive(expiryMargin, "expiryMargin", true);
        requirePositive(defaultLifetime, "defaultLifetime", false);
        requirePositive(credentialsCooldown, "credentialsCooldown", false);
        requirePositive(initialBackoff, "initialBackoff", false);
        requirePositive(maxBackoff, "maxBackoff", false);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff " + initialBackoff);
        }
    }

    private static void requirePositive(Duration d, String name, boolean zeroAllowed) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "zero or positive" : "positive") + ", was " + d);
        }
    }

    public RefreshPolicy withRefreshBeforeExpiry(Duration d) {
        return new RefreshPolicy(d, expiryMargin, defaultLifetime, credentialsCooldown, initialBackoff, maxBackoff);
    }

    public RefreshPolicy withExpiryMargin(Duration d) {
        return new RefreshPolicy(refreshBeforeExpiry, d, defaultLifetime, credentialsCooldown, initialBackoff, maxBackoff);
    }

    public RefreshPolicy withDefaultLifetime(Duration d) {
        return new RefreshPolicy(refreshBeforeExpiry, expiryMargin, d, credentialsCooldown, initialBackoff, maxBackoff);
    }

    public RefreshPolicy withCredentialsCooldown(Duration d) {
        return new RefreshPolicy(refreshBeforeExpiry, expiryMargin, defaultLifetime, d, initialBackoff, maxBackoff);
    }

    public RefreshPolicy withBackoff(Duration initial, Duration max) {
        return new RefreshPolicy(refreshBeforeExpiry, expiryMargin, defaultLifetime, credentialsCooldown, initial, max);
    }
}
