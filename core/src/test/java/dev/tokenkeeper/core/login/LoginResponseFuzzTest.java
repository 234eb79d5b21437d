package dev.tokenkeeper.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.error.TokenKeeperException;
import dev.tokenkeeper.core.jwt.JwtExpiryReader;
import dev.tokenkeeper.core.testing.AllocationMeter;
import dev.tokenkeeper.core.testing.FuzzInputs;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the login client does with an answer, on a few thousand seeded random and mutated answers: the
 * status through {@link LoginFailures}, {@code Retry-After} through {@link RetryAfter}, a 2xx body (up to
 * the 64 KiB bound the transport enforces) through {@link LoginAnswer} and its token through
 * {@link JwtExpiryReader}, as {@code ProtocolLoginClient} chains them. Only typed errors come out; a
 * {@code Retry-After} is absent or a wait of zero or more; no case is slow or allocates much beyond its
 * input.
 */
class LoginResponseFuzzTest {

    private static final int CASES = 3_000;
    private static final int WARM_UP = 300;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final URI URL = URI.create("https://identity.example.test/account/login");
    /** A JSON tree of a 64 KiB body is a few times its size; a parser blowing up would exceed this. */
    private static final long MAX_BYTES_PER_CASE = 16L * 1024 * 1024;

    private final JwtExpiryReader reader = new JwtExpiryReader(Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
    private final String valid = JWT.create().withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(600)).sign(Algorithm.HMAC256("k"));

    @Test
    void everyAnswerEndsInATokenAnMfaTokenOrATypedError() {
        long seed = FuzzInputs.seed();
        FuzzInputs inputs = new FuzzInputs(seed);
        SplittableRandom random = new SplittableRandom(seed);
        int[] outcomes = new int[3]; // token, mfa, typed error
        long[] worst = new long[2];

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            FuzzInputs warmUp = new FuzzInputs(~seed);
            SplittableRandom warmRandom = new SplittableRandom(~seed);
            for (int i = 0; i < WARM_UP; i++) {
                try {
                    handle(warmUp, warmRandom);
                } catch (RuntimeException ignored) {
                    // judged below, in the measured cases
                }
            }
            for (int i = 0; i < CASES; i++) {
                long bytesBefore = AllocationMeter.isSupported() ? AllocationMeter.allocatedBytes() : 0;
                long started = System.nanoTime();
                Object outcome;
                try {
                    outcome = handle(inputs, random);
                } catch (RuntimeException e) {
                    outcome = e;
                }
                long nanos = System.nanoTime() - started;
                long bytes = AllocationMeter.isSupported() ? AllocationMeter.allocatedBytes() - bytesBefore : 0;

                String where = "case " + i + " (seed " + seed + ")";
                if (outcome instanceof TokenKeeperException typed) {
                    if (typed instanceof IdentityServiceUnavailableException unavailable) {
                        unavailable.retryAfter().ifPresent(d -> assertThat(d.isNegative()).as(where + ", Retry-After " + d).isFalse());
                    }
                    outcomes[2]++;
                } else if (outcome instanceof RuntimeException untyped) {
                    fail(where + ": " + untyped, untyped);
                } else {
                    outcomes[outcome instanceof LoginAnswer ? 1 : 0]++;
                }
                assertThat(bytes).as("bytes allocated, " + where).isLessThan(MAX_BYTES_PER_CASE);
                worst[0] = Math.max(worst[0], nanos);
                worst[1] = Math.max(worst[1], bytes);
            }
        });

        assertThat(outcomes[0]).as("answers that gave a usable token").isPositive();
        assertThat(outcomes[1]).as("answers that asked for a one-time code").isPositive();
        assertThat(outcomes[2]).as("answers refused with a typed error").isPositive();
        assertThat(Duration.ofNanos(worst[0])).as("slowest case").isLessThan(Duration.ofSeconds(1));
        System.out.printf("Login answer fuzz: seed %d, %d cases, %d tokens, %d MFA answers, %d typed errors, slowest %d ms, "
                + "most allocated %d KiB%n", seed, CASES, outcomes[0], outcomes[1], outcomes[2], worst[0] / 1_000_000,
                worst[1] / 1024);
    }

    /**
     * One answer through the steps {@code ProtocolLoginClient} takes: a failure status to its typed error,
     * a success body to the access token (read for its expiry) or the MFA token.
     *
     * @return an {@code AccessToken}, a {@link LoginAnswer} holding an MFA token, or the typed error
     */
    private Object handle(FuzzInputs inputs, SplittableRandom random) {
        LoginStep step = random.nextBoolean() ? LoginStep.PASSWORD : LoginStep.OTP;
        int status = random.nextInt(4) == 0 ? random.nextInt(100, 1000) : 200;
        Duration retryAfter = RetryAfter.parse(random.nextBoolean() ? inputs.retryAfter() : null, NOW);
        byte[] body = inputs.loginBody(valid);
        if (body.length > LoginHttp.MAX_BODY_BYTES) {
            body = java.util.Arrays.copyOf(body, LoginHttp.MAX_BODY_BYTES); // the transport never hands on more
        }
        LoginResponse response = new LoginResponse(status, status / 100 == 2 ? body : null, retryAfter, null, NOW);
        try {
            if (!response.isSuccess()) {
                return LoginFailures.forStatus(step, URL, response);
            }
            LoginAnswer answer = LoginAnswer.parse(step, URL, response.body(), LoginProtocol.DEFAULT);
            return answer.accessToken() != null ? reader.read(answer.accessToken(), NOW) : answer;
        } catch (MalformedLoginResponseException e) {
            return e;
        }
    }
}
