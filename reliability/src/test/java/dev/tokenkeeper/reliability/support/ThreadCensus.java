package dev.tokenkeeper.reliability.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Live threads counted by name prefix: tokenkeeper's login threads, HttpClient's async reactor and
 * scheduler threads, the testkit servers' exchange threads. A leak shows as a prefix whose count does
 * not return to where it was.
 */
public final class ThreadCensus {

    /** Threads started by tokenkeeper, HttpClient and the testkit, by the prefix of their names. */
    public static final List<String> PREFIXES = List.of(
            "tokenkeeper-login-", "httpclient-dispatch-", "httpclient-main-", "Scheduled-executor-",
            "idle-connection-evictor", "identity-server-", "recording-server-");

    private ThreadCensus() {
    }

    /** Live threads per prefix of {@link #PREFIXES}, zero counts included. */
    public static Map<String, Integer> take() {
        Map<String, Integer> counts = new TreeMap<>();
        PREFIXES.forEach(p -> counts.put(p, 0));
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.isAlive()) {
                continue;
            }
            for (String prefix : PREFIXES) {
                if (thread.getName().startsWith(prefix)) {
                    counts.merge(prefix, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * The census once no prefix has more live threads than in {@code before} (closed clients and servers
     * stop their threads asynchronously), or after 10 s, whichever comes first; a leak shows in the result.
     */
    public static Map<String, Integer> settle(Map<String, Integer> before) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> notAbove(take(), before));
        } catch (ConditionTimeoutException leak) {
            // reported by the caller's assertion on the returned census
        }
        return take();
    }

    /** The non-zero counts, such as {@code tokenkeeper-login 1, httpclient-dispatch 2}, or {@code none}. */
    public static String format(Map<String, Integer> census) {
        String counts = census.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().replaceAll("-$", "") + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        return counts.isEmpty() ? "none" : counts;
    }

    /** Whether no prefix counts more threads in {@code now} than in {@code before}. */
    public static boolean notAbove(Map<String, Integer> now, Map<String, Integer> before) {
        return now.entrySet().stream().allMatch(e -> e.getValue() <= before.getOrDefault(e.getKey(), 0));
    }
}
