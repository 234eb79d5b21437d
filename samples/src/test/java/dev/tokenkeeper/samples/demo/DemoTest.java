package dev.tokenkeeper.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.samples.support.CliRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo, run in-process exactly as {@code java -jar tokenkeeper-demo.jar} runs it (no arguments). */
class DemoTest {

    /** The start of a line that carries a time stamp: {@code HH:mm:ss.S} and two spaces. */
    private static final String TIME = "^\\d\\d:\\d\\d:\\d\\d\\.\\d  ";

    @Test
    void showsEveryBehaviourChecksItselfAndExitsZeroWithinThirtySeconds() {
        long start = System.nanoTime();
        CliRun run = CliRun.of();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        List<String> lines = run.outLines();
        assertThat(lines).filteredOn(l -> l.startsWith("== ")).containsExactly(
                "== 1/5 First login: the password step, then the TOTP step",
                "== 2/5 Requests carry the token (Authorization: Bearer, added by tokenkeeper)",
                "== 3/5 A proactive refresh before expiry, that no request waits for",
                "== 4/5 A server-side revoke: one new login and a replay",
                "== 5/5 A redirect to a foreign host",
                "== Summary");
        assertThat(run.out())
                .contains("TOTP steps at the server: 1")
                .containsPattern("one background login started \\(refreshes=1\\)")
                .contains("no request waited for it: waits=0 since the first login")
                .contains("(logins 2 -> 3, TOTP step included) and replayed the request (replays 0 -> 1)")
                .contains("arrived WITHOUT an Authorization header")
                .containsPattern("requests \\d+ \\(\\d+ answered 2xx\\), logins 3 \\(the first, 1 proactive refresh, 1 after the revoke\\), "
                        + "refreshes 1, replays 1, failures 0")
                .contains("every behaviour shown above happened")
                .doesNotContain("CHECK FAILED");
        // Every request line answered 200 and names a token by its fingerprint.
        assertThat(lines).filteredOn(l -> l.matches(TIME + "GET /api/echo/.*"))
                .hasSizeGreaterThan(8)
                .allSatisfy(l -> assertThat(l).matches(TIME + "GET /api/echo/orders/\\d+ -> 200, token [0-9a-f]{8}$"));
        // Three tokens in all, shown only as fingerprints: a JWT starts with "eyJ".
        assertThat(lines.stream().filter(l -> l.matches(".* -> 200, token [0-9a-f]{8}$"))
                .map(l -> l.substring(l.length() - 8)).distinct()).hasSize(3);
        assertThat(run.out()).doesNotContain("eyJ");
        assertThat(run.err()).isEmpty();
    }
}
