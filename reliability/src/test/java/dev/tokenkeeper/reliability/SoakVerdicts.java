package dev.tokenkeeper.reliability;

import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.httpclient5.TokenUnavailableException;
import dev.tokenkeeper.httpclient5.support.Reply;
import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.reliability.support.ObservedTokenSource;
import dev.tokenkeeper.reliability.support.SuiteEvidence;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends the soak's requests and judges each as it ends:
 * <ul>
 *   <li>a 200;</li>
 *   <li>a {@link TokenUnavailableException} whose cause is an outage's typed error, acceptable only if no
 *       token was valid for the whole time the request ran ({@link ObservedTokenSource#validThroughout});</li>
 *   <li>a 401 handed to the caller, acceptable only within 2 s after a revocation: a token issued in the
 *       instant of a revocation is revoked too, and the one replay meets it;</li>
 *   <li>anything else, or any request slower than the bound, is a violation.</li>
 * </ul>
 * Thread-safe: every soak thread reports here.
 */
final class SoakVerdicts {

    private final ObservedTokenSource observed;
    final Duration bound;
    final long startedAt = System.currentTimeMillis();
    final LongAdder requests = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder revoked401 = new LongAdder();
    private final Map<String, LongAdder> typedFailures = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final AtomicLong violationCount = new AtomicLong();
    final List<Long> revocations = new CopyOnWriteArrayList<>();
    final AtomicLong maxNanos = new AtomicLong();
    /** Requests per duration in whole milliseconds, for the p99; the last bucket takes everything longer. */
    private final AtomicIntegerArray histogram = new AtomicIntegerArray(20_001);
    /** Per 100 ms of the run: bit 1 if a request ending in it got a 200, bit 2 if one failed for want of a token. */
    private final AtomicIntegerArray slots = new AtomicIntegerArray(20_000);

    /** @param bound the longest any request may take */
    SoakVerdicts(ObservedTokenSource observed, Duration bound) {
        this.observed = observed;
        this.bound = bound;
    }

    /** The server revoked every token just now. */
    void revoked() {
        revocations.add(System.currentTimeMillis());
    }

    /** Sends one GET and judges how it ended. */
    void request(TestClient client, URI api) {
        long start = System.currentTimeMillis();
        long started = System.nanoTime();
        Object outcome;
        try {
            outcome = client.send(Req.get(api));
        } catch (Exception e) {
            outcome = e;
        }
        judge(outcome, start, System.currentTimeMillis(), System.nanoTime() - started);
    }

    private void judge(Object outcome, long start, long end, long nanos) {
        requests.increment();
        maxNanos.accumulateAndGet(nanos, Math::max);
        histogram.incrementAndGet((int) Math.min(histogram.length() - 1, TimeUnit.NANOSECONDS.toMillis(nanos)));
        if (nanos > bound.toNanos()) {
            violation("a request took " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms, beyond the bound of " + bound.toMillis() + " ms");
        }
        int slot = (int) Math.min(slots.length() - 1, (end - startedAt) / 100);
        if (outcome instanceof Reply reply && reply.status() == 200) {
            ok.increment();
            slots.getAndUpdate(slot, bits -> bits | 1);
        } else if (outcome instanceof Reply reply && reply.status() == 401 && revokedShortlyBefore(end)) {
            revoked401.increment();
        } else if (outcome instanceof TokenUnavailableException e && isOutage(e.getCause())) {
            String type = e.getCause().getClass().getSimpleName();
            typedFailures.computeIfAbsent(type, k -> new LongAdder()).increment();
            if (reported.add(type)) {
                SuiteEvidence.exception(e); // one of each kind for the suite-wide secret check
            }
            slots.getAndUpdate(slot, bits -> bits | 2);
            Optional<?> valid = observed.validThroughout(start, end);
            valid.ifPresent(token -> violation("failed with " + type + " while " + token + " was valid from before the request ("
                    + start + ") until after it (" + end + "): " + e.getCause().getMessage()));
        } else {
            violation("unexpected outcome " + outcome);
            if (outcome instanceof Throwable t) {
                SuiteEvidence.exception(t);
            }
        }
    }

    private static boolean isOutage(Throwable cause) {
        return cause instanceof IdentityServiceUnavailableException || cause instanceof MalformedLoginResponseException;
    }

    private boolean revokedShortlyBefore(long end) {
        return revocations.stream().anyMatch(at -> at <= end && end - at <= 2_000);
    }

    private void violation(String what) {
        if (violationCount.incrementAndGet() <= 20) {
            violations.add(what);
        }
    }

    Map<String, Long> typedFailures() {
        Map<String, Long> counts = new TreeMap<>();
        typedFailures.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    /** The share of the run's 100 ms slots in which some request got a 200. */
    double availability(Duration duration) {
        int total = (int) Math.min(slots.length(), Math.max(1, duration.toMillis() / 100));
        int withOk = 0;
        for (int i = 0; i < total; i++) {
            withOk += slots.get(i) & 1;
        }
        return (double) withOk / total;
    }

    /** One character per 100 ms: {@code O} a 200, {@code X} a failure for want of a token, {@code #} both, {@code .} none. */
    String timeline(Duration duration) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < Math.min(slots.length(), duration.toMillis() / 100); i++) {
            line.append(".OX#".charAt(slots.get(i)));
        }
        return line.toString();
    }

    Duration p99() {
        long total = requests.sum();
        long seen = 0;
        for (int ms = 0; ms < histogram.length(); ms++) {
            seen += histogram.get(ms);
            if (seen >= total * 0.99) {
                return Duration.ofMillis(ms);
            }
        }
        return Duration.ofMillis(histogram.length());
    }
}
