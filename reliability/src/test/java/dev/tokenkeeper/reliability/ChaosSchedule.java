package dev.tokenkeeper.reliability;

import dev.tokenkeeper.testkit.Fault;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.LoginStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The soak's chaos: a seeded sequence of what each password step meets, one entry per login attempt,
 * queued on the server in advance. A share of the entries is one of the transient faults the identity
 * service can show (an outage, not a refusal: refused credentials are the account-safety test's); the
 * rest is {@code slow(0)}, which answers normally and keeps the sequence one-to-one with attempts.
 */
final class ChaosSchedule {

    /** The faults drawn, each as likely as the others. */
    static final List<Fault> FAULTS = List.of(
            Fault.status(503), Fault.status(500), Fault.tooManyRequests(Duration.ofSeconds(1)),
            Fault.slow(Duration.ofMillis(1500)), Fault.noAnswer(), Fault.connectionReset(), Fault.nonJson(),
            Fault.okWithoutToken(), Fault.oversizedBody(100 * 1024));

    private static final Fault HEALTHY = Fault.slow(Duration.ZERO);

    private final List<Fault> planned = new ArrayList<>();

    /**
     * @param share   the share of login attempts that meet a fault, e.g. 0.3
     * @param entries how many attempts to plan for (more than the run can make)
     */
    ChaosSchedule(long seed, double share, int entries) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < entries; i++) {
            planned.add(random.nextDouble() < share ? FAULTS.get(random.nextInt(FAULTS.size())) : HEALTHY);
        }
    }

    void injectInto(IdentityServer server) {
        for (Fault fault : planned) {
            server.injectFault(LoginStep.PASSWORD, fault, 1);
        }
    }

    /** What the first {@code attempts} login attempts met: fault to count, "healthy" for the normal answers. */
    Map<String, Integer> met(int attempts) {
        if (attempts > planned.size()) {
            throw new IllegalStateException(attempts + " login attempts, more than the " + planned.size() + " planned");
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Fault fault : planned.subList(0, attempts)) {
            counts.merge(fault == HEALTHY ? "healthy" : fault.toString(), 1, Integer::sum);
        }
        return counts;
    }
}
