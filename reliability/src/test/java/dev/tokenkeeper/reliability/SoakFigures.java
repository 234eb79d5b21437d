package dev.tokenkeeper.reliability;

import dev.tokenkeeper.reliability.support.Heap;
import dev.tokenkeeper.reliability.support.ThreadCensus;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a chaos soak measured, and its Markdown for {@code docs/reliability.md}.
 *
 * @param faultsMet        what the login attempts met, per fault ("healthy" for a normal answer)
 * @param handedOutExpired tokens handed out at or after the expiry the client computed for them
 * @param apiExpired       requests the server refused as carrying an expired token
 * @param timeline         one character per 100 ms, see {@link SoakVerdicts#timeline}
 */
record SoakFigures(
        Duration duration, long seed, Duration revokeEvery, long requests, long ok, double availability, String timeline,
        Map<String, Long> typedFailures, long revoked401, List<String> violations, long violationCount,
        List<Long> revocationOffsets, int loginsAttempted, int loginsSucceeded, Map<String, Integer> faultsMet,
        long replays, int tokens, long handedOutExpired, int apiOk, int apiRevoked, int apiExpired,
        Duration maxRequest, Duration p99Request, Duration requestBound,
        Map<String, Integer> threadsBefore, Map<String, Integer> threadsWarm, Map<String, Integer> threadsEnd,
        Map<String, Integer> threadsAfterClose, long heapWarm, long heapEnd, List<String> protocolViolations) {

    String markdown() {
        StringBuilder md = new StringBuilder("| figure | value |\n|---|---|\n");
        row(md, "duration, threads", duration.toSeconds() + " s, " + ChaosSoak.THREADS + " (8 classic, 8 async, one keeper)");
        row(md, "token lifetime, login timeouts, API timeout", ChaosSoak.TOKEN_LIFETIME.toSeconds() + " s, "
                + ChaosSoak.LOGIN_TIMEOUT.toMillis() + " ms, " + ChaosSoak.API_TIMEOUT.toMillis() + " ms");
        row(md, "requests offered", String.format("at most %,d per second, all threads together", ChaosSoak.OFFERED_PER_SECOND));
        row(md, "chaos", Math.round(ChaosSoak.FAULT_SHARE * 100) + " % of login attempts faulted (seed " + seed
                + "), every token revoked every " + revokeEvery.toMillis() + " ms");
        row(md, "requests", String.format("%,d", requests));
        row(md, "200 OK", String.format("%,d (%.1f %%)", ok, 100.0 * ok / Math.max(1, requests)));
        row(md, "100 ms slots in which a request got a 200", String.format("%.1f %%", 100 * availability));
        row(md, "failed with a typed error while no valid token existed", typedFailures.isEmpty() ? "0" : typedFailures.toString());
        row(md, "401 to the caller within 2 s of a revocation", String.valueOf(revoked401));
        row(md, "violations (failure while a token was valid, untyped error, request past its bound)", String.valueOf(violationCount));
        row(md, "revocations", String.valueOf(revocationOffsets.size()));
        row(md, "login attempts / succeeded at the server", loginsAttempted + " / " + loginsSucceeded);
        row(md, "what the login attempts met", faultsMet.toString());
        row(md, "401 replays", String.valueOf(replays));
        row(md, "distinct tokens handed out", String.valueOf(tokens));
        row(md, "tokens handed out at or after their expiry (client clock)", String.valueOf(handedOutExpired));
        row(md, "API calls OK / REVOKED_TOKEN / EXPIRED_TOKEN", apiOk + " / " + apiRevoked + " / " + apiExpired);
        row(md, "slowest request, p99 (bound)", maxRequest.toMillis() + " ms, " + p99Request.toMillis() + " ms ("
                + requestBound.toMillis() + " ms)");
        row(md, "threads before / warm / end / after close", ThreadCensus.format(threadsBefore) + " / "
                + ThreadCensus.format(threadsWarm) + " / " + ThreadCensus.format(threadsEnd) + " / "
                + ThreadCensus.format(threadsAfterClose));
        row(md, "heap after GC, warm / end", Heap.mib(heapWarm) + " / " + Heap.mib(heapEnd));
        md.append("\nTimeline, one character per 100 ms: `O` a request got a 200, `X` requests failed for want of a "
                + "token, `#` both, `.` no request ended (all waiting for a login). Revocations at ")
                .append(revocationOffsets).append(" ms.\n\n```\n");
        for (int i = 0; i < timeline.length(); i += 100) {
            md.append(timeline, i, Math.min(timeline.length(), i + 100)).append('\n');
        }
        return md.append("```\n").toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
