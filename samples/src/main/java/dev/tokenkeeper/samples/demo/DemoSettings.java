package dev.tokenkeeper.samples.demo;

import java.time.Duration;

/**
 * The demo's timings, all on the demo clock (which runs {@code speed} times faster than real time).
 *
 * @param speed               how many times faster than real time the demo clock runs
 * @param tokenLifetime       how long the identity server's tokens live
 * @param refreshBeforeExpiry {@code tokenkeeper.refresh.before-expiry}
 * @param expiryMargin        {@code tokenkeeper.refresh.expiry-margin}
 * @param requestInterval     time between two of the demo's requests
 * @param totpStep            the TOTP time step; two logins must lie at least this far apart
 */
record DemoSettings(int speed, Duration tokenLifetime, Duration refreshBeforeExpiry, Duration expiryMargin,
                    Duration requestInterval, Duration totpStep) {

    /**
     * 100 s tokens, refreshed 40 s before expiry (36 to 40 s, with the library's random spread), callers
     * block only in the last 5 s; a request every 10 s; ten times real speed: about 14 real seconds in
     * all. The request that starts the refresh comes with at least 29 s left, so the background login
     * has more than 2 real seconds to finish before any request would have to wait for it, and the
     * revoke (40 s after the refresh) comes well before the next refresh is due.
     */
    static final DemoSettings DEFAULT = new DemoSettings(10, Duration.ofSeconds(100), Duration.ofSeconds(40),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
}
