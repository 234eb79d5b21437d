package dev.tokenkeeper.samples.cli.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What became of each request: a status code, or an error by name. Every finished request is counted
 * exactly once, so {@code status} and {@code errors} add up to the requests sent. Thread-safe.
 */
final class Outcomes {

    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder done = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void status(int code) {
        statuses.computeIfAbsent(code, c -> new LongAdder()).increment();
        if (code >= 200 && code < 300) {
            ok.increment();
        }
        done.increment();
    }

    void error(String name) {
        errors.computeIfAbsent(name, n -> new LongAdder()).increment();
        failed.increment();
        done.increment();
    }

    long done() {
        return done.sum();
    }

    long ok() {
        return ok.sum();
    }

    long errors() {
        return failed.sum();
    }

    /** Status code (as text, for JSON) to count, in code order. */
    Map<String, Long> statusCounts() {
        Map<String, Long> out = new TreeMap<>();
        statuses.forEach((code, n) -> out.put(Integer.toString(code), n.sum()));
        return out;
    }

    /** Error name to count, in name order. */
    Map<String, Long> errorCounts() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((name, n) -> out.put(name, n.sum()));
        return out;
    }
}
