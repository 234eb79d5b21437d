package dev.tokenkeeper.samples.cli.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a {@code load} run, printed as one JSON object on the last line of stdout:
 * <pre>{"requests":N,"ok":…,"status":{"200":…},"errors":{"ConnectException":…},"logins":…,"refreshes":…,
 *  "replays":…,"p50Ms":…,"p99Ms":…,"maxMs":…,"durationMs":…}</pre>
 * {@code logins}, {@code refreshes} and {@code replays} are the library's own counters.
 *
 * @param requests   requests sent, {@code = sum(status) + sum(errors)}
 * @param ok         requests answered with 2xx
 * @param status     count per final status code (after redirects)
 * @param errors     count per error name (see {@code ErrorReport.errorName})
 * @param logins     every login the token source performed: the first one and all later ones
 * @param refreshes  those of them started proactively, before the token's expiry
 * @param replays    requests sent once more with a new token after a 401
 * @param p50Nanos   median latency
 * @param p99Nanos   99th percentile latency
 * @param maxNanos   largest latency
 * @param durationMs wall time of the whole run
 */
record LoadReport(long requests, long ok, Map<String, Long> status, Map<String, Long> errors,
                         long logins, long refreshes, long replays,
                         long p50Nanos, long p99Nanos, long maxNanos, long durationMs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    LoadReport {
        status = Map.copyOf(status);
        errors = Map.copyOf(errors);
    }

    /** Whether every request got a 2xx answer: the run's exit code is 0 exactly then. */
    boolean allOk() {
        return ok == requests;
    }

    /** The one-line JSON object, keys in the documented order, latencies in ms with 3 decimals. */
    String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", requests);
        out.put("ok", ok);
        out.put("status", new java.util.TreeMap<>(status));
        out.put("errors", new java.util.TreeMap<>(errors));
        out.put("logins", logins);
        out.put("refreshes", refreshes);
        out.put("replays", replays);
        out.put("p50Ms", millis(p50Nanos));
        out.put("p99Ms", millis(p99Nanos));
        out.put("maxMs", millis(maxNanos));
        out.put("durationMs", durationMs);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers and strings always serializes", e);
        }
    }

    static BigDecimal millis(long nanos) {
        return BigDecimal.valueOf(nanos).movePointLeft(6).setScale(3, RoundingMode.HALF_UP);
    }
}
