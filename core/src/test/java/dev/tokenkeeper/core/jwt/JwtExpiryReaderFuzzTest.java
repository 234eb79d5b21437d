package dev.tokenkeeper.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.testing.AllocationMeter;
import dev.tokenkeeper.core.testing.FuzzInputs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@link JwtExpiryReader} on a few thousand seeded random and mutated tokens (claims of every JSON type,
 * out-of-range numbers, broken base64, wrong part counts): every input ends in an {@link AccessToken} the
 * token lifecycle can plan with, or in a {@link MalformedLoginResponseException} that does not quote the
 * token; nothing else escapes, no case takes long or allocates much.
 */
class JwtExpiryReaderFuzzTest {

    private static final int CASES = 4_000;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** Far more than parsing a token of a few KiB needs; a parser blowing up on some input would exceed it. */
    private static final long MAX_BYTES_PER_CASE = 1024 * 1024;
    /** Cases run first, unmeasured, so class loading and JIT do not count as the parser's time and memory. */
    private static final int WARM_UP = 300;

    private final JwtExpiryReader reader = new JwtExpiryReader(Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyInputEndsInAUsableTokenOrTheTypedError() {
        long seed = FuzzInputs.seed();
        FuzzInputs inputs = new FuzzInputs(seed);
        String valid = JWT.create().withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(600)).sign(Algorithm.HMAC256("k"));
        int[] outcomes = new int[2];
        long[] worst = new long[2]; // nanoseconds, bytes

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            FuzzInputs warmUp = new FuzzInputs(~seed);
            for (int i = 0; i < WARM_UP; i++) {
                try {
                    reader.read(warmUp.token(valid), NOW);
                } catch (RuntimeException ignored) {
                    // judged below, in the measured cases
                }
            }
            for (int i = 0; i < CASES; i++) {
                String token = inputs.token(valid);
                long bytesBefore = AllocationMeter.isSupported() ? AllocationMeter.allocatedBytes() : 0;
                long started = System.nanoTime();
                AccessToken read = null;
                RuntimeException error = null;
                try {
                    read = reader.read(token, NOW.minusMillis(200));
                } catch (RuntimeException e) {
                    error = e;
                }
                long nanos = System.nanoTime() - started;
                long bytes = AllocationMeter.isSupported() ? AllocationMeter.allocatedBytes() - bytesBefore : 0;

                String where = "case " + i + " (seed " + seed + "), token " + token;
                if (error == null) {
                    // what the lifecycle does with it next must work: epoch millis of both instants
                    assertThat(read.expiresAt().toEpochMilli()).as(where).isGreaterThan(read.receivedAt().toEpochMilli());
                    outcomes[0]++;
                } else if (error instanceof MalformedLoginResponseException) {
                    if (token.length() >= 16) {
                        assertThat(error.getMessage()).as(where).doesNotContain(token);
                    }
                    outcomes[1]++;
                } else {
                    fail(where + ": " + error, error);
                }
                assertThat(bytes).as("bytes allocated, " + where).isLessThan(MAX_BYTES_PER_CASE);
                worst[0] = Math.max(worst[0], nanos);
                worst[1] = Math.max(worst[1], bytes);
            }
        });

        assertThat(outcomes[0]).as("read successfully").isPositive();
        assertThat(outcomes[1]).as("refused as malformed").isPositive();
        assertThat(Duration.ofNanos(worst[0])).as("slowest case").isLessThan(Duration.ofSeconds(1));
        System.out.printf("JwtExpiryReader fuzz: seed %d, %d cases, %d read, %d malformed, slowest %d ms, most allocated %d KiB%n",
                seed, CASES, outcomes[0], outcomes[1], worst[0] / 1_000_000, worst[1] / 1024);
    }
}
