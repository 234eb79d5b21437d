package dev.tokenkeeper.samples.demo;

import java.io.PrintWriter;

/**
 * The demo: tokenkeeper's job, shown on an identity server started in this process. It needs no
 * network, no account and no setup, and takes about 15 seconds.
 *
 * <p>It shows, in plain timestamped lines: the first login with its TOTP step; requests carrying the
 * token (as fingerprints, never the token); a proactive refresh before expiry that no request waits
 * for; a server-side revoke answered by one new login and a replay; a redirect to a foreign host that
 * arrives without the token; and a summary. Every one of these is checked against the counters of the
 * identity server and of the library; {@link #run()} returns 1 if any did not happen.
 */
public final class Demo {

    private final PrintWriter out;
    private final DemoSettings settings;

    /** The demo with its default timings, printing on {@code out}. */
    public Demo(PrintWriter out) {
        this(out, DemoSettings.DEFAULT);
    }

    Demo(PrintWriter out, DemoSettings settings) {
        this.out = out;
        this.settings = settings;
    }

    /**
     * Runs the demo.
     *
     * @return 0 when every behaviour shown happened, 1 when a check failed
     */
    public int run() {
        TimeLapseClock clock = new TimeLapseClock(settings.speed());
        Narrator narrator = new Narrator(out, clock);
        DemoChecks checks = new DemoChecks(narrator);
        try (DemoWorld world = DemoWorld.start(clock, settings)) {
            new DemoScript(world, settings, narrator, checks).play();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.expect(false, "the demo ran to its end", "interrupted");
        }
        return checks.allPassed() ? 0 : 1;
    }
}
