package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.TokenSourceStats;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link TokenKeeperStats}; only rare events are counted, never the plain attach. */
final class KeeperCounters {

    final LongAdder replays = new LongAdder();
    final LongAdder notReplayed = new LongAdder();
    final LongAdder withheld = new LongAdder();
    final LongAdder tokenUnavailable = new LongAdder();

    TokenKeeperStats snapshot(TokenSourceStats tokenSource) {
        return new TokenKeeperStats(replays.sum(), notReplayed.sum(), withheld.sum(), tokenUnavailable.sum(), tokenSource);
    }
}
