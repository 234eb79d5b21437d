package dev.tokenkeeper.core.lifecycle;

import dev.tokenkeeper.core.TokenSourceStats;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link TokenSourceStats}; LongAdders so counting never contends. */
final class LoginCounters {
    final LongAdder logins = new LongAdder();
    final LongAdder loginFailures = new LongAdder();
    final LongAdder refreshes = new LongAdder();
    final LongAdder waits = new LongAdder();
    final LongAdder invalidations = new LongAdder();
    final LongAdder failFasts = new LongAdder();

    TokenSourceStats snapshot() {
        return new TokenSourceStats(logins.sum(), loginFailures.sum(), refreshes.sum(), waits.sum(),
                invalidations.sum(), failFasts.sum());
    }
}
