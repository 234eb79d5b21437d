package dev.tokenkeeper.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtExpiryReaderTest {

    private static final Algorithm HS256 = Algorithm.HMAC256("test-signing-key-of-the-issuer-0123456789");
    private static final Instant LOCAL_NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    /** The login was sent 200 ms before the response was read. */
    private static final Instant SENT_AT = LOCAL_NOW.minusMillis(200);

    private final JwtExpiryReader reader = new JwtExpiryReader(DEFAULT_LIFETIME, Clock.fixed(LOCAL_NOW, ZoneOffset.UTC));

    private static String token(Instant iat, Instant exp) {
        JWTCreator.Builder builder = JWT.create().withSubject("alice").withJWTId("j1");
        if (iat != null) {
            builder.withIssuedAt(iat);
        }
        if (exp != null) {
            builder.withExpiresAt(exp);
        }
        return builder.sign(HS256);
    }

    @Test
    void lifetimeIsExpMinusIatFromTheMomentTheLoginWasSentMinusTheWholeSecondUncertainty() {
        Instant serverNow = Instant.parse("2026-03-01T12:00:00Z");
        AccessToken token = reader.read(token(serverNow, serverNow.plusSeconds(600)), SENT_AT);

        assertThat(token.receivedAt()).isEqualTo(SENT_AT);
        assertThat(token.expiresAt()).isEqualTo(SENT_AT.plusSeconds(599));
        assertThat(token.lifetime()).isEqualTo(Duration.ofSeconds(599));
    }

    @ParameterizedTest(name = "server clock {0} min off")
    @ValueSource(ints = {-10, 10, -60 * 24, 60 * 24})
    void aServerClockMinutesOffDoesNotChangeTheLocalExpiry(int offsetMinutes) {
        Instant serverNow = LOCAL_NOW.plus(Duration.ofMinutes(offsetMinutes));
        AccessToken token = reader.read(token(serverNow, serverNow.plusSeconds(600)), SENT_AT);

        assertThat(token.expiresAt()).isEqualTo(SENT_AT.plusSeconds(599));
    }

    @Test
    void veryShortTokensLoseAtMostHalfTheirLifetimeToTheUncertainty() {
        AccessToken oneSecond = reader.read(token(LOCAL_NOW, LOCAL_NOW.plusSeconds(1)), SENT_AT);
        assertThat(oneSecond.expiresAt()).isEqualTo(SENT_AT.plusMillis(500));

        AccessToken twoSeconds = reader.read(token(LOCAL_NOW, LOCAL_NOW.plusSeconds(2)), SENT_AT);
        assertThat(twoSeconds.expiresAt()).isEqualTo(SENT_AT.plusSeconds(1));
    }

    @Test
    void withoutIatTheAbsoluteExpCountsOnTheLocalClock() {
        Instant exp = LOCAL_NOW.plusSeconds(300);
        assertThat(reader.read(token(null, exp), SENT_AT).expiresAt()).isEqualTo(exp);
    }

    @Test
    void withoutExpTheDefaultLifetimeApplies() {
        assertThat(reader.read(token(LOCAL_NOW, null), SENT_AT).expiresAt()).isEqualTo(SENT_AT.plus(DEFAULT_LIFETIME));
        assertThat(reader.read(token(null, null), SENT_AT).lifetime()).isEqualTo(DEFAULT_LIFETIME);
    }

    @Test
    void expNotAfterIatIsRefusedWithTheFingerprintOnly() {
        String jwt = token(LOCAL_NOW, LOCAL_NOW);
        assertThatThrownBy(() -> reader.read(jwt, SENT_AT))
                .isInstanceOf(MalformedLoginResponseException.class)
                .hasMessageContaining("grants no lifetime")
                .hasMessageContaining(AccessToken.fingerprintOf(jwt))
                .hasMessageNotContaining(jwt)
                .hasMessageNotContaining(jwt.split("\\.")[1]);
        assertThat(new MalformedLoginResponseException("x").isRetryable()).isTrue();
    }

    @Test
    void aTokenWhoseExpIsPastOnTheLocalClockIsRefused() {
        String jwt = token(null, LOCAL_NOW.minusSeconds(1));
        assertThatThrownBy(() -> reader.read(jwt, SENT_AT))
                .isInstanceOf(MalformedLoginResponseException.class)
                .hasMessageContaining("already past")
                .hasMessageNotContaining(jwt);
    }

    @Test
    void aTokenThatExpiredWhileTheLoginWasUnderwayIsRefused() {
        // 2 s granted (1 s counted), but the login was sent 3 s ago.
        String jwt = token(LOCAL_NOW, LOCAL_NOW.plusSeconds(2));
        assertThatThrownBy(() -> reader.read(jwt, LOCAL_NOW.minusSeconds(3)))
                .isInstanceOf(MalformedLoginResponseException.class)
                .hasMessageContaining("expired before it arrived");
    }

    @Test
    void nbfNotBeforeExpIsRefused() {
        String jwt = JWT.create().withIssuedAt(LOCAL_NOW).withNotBefore(LOCAL_NOW.plusSeconds(60))
                .withExpiresAt(LOCAL_NOW.plusSeconds(60)).sign(HS256);
        assertThatThrownBy(() -> reader.read(jwt, SENT_AT))
                .isInstanceOf(MalformedLoginResponseException.class)
                .hasMessageContaining("nbf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "a.b.c", "opaque-access-token-0123456789", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln"})
    void somethingThatIsNotAJwtIsRefusedWithoutBeingQuoted(String value) {
        assertThatThrownBy(() -> reader.read(value, SENT_AT))
                .isInstanceOf(MalformedLoginResponseException.class)
                .hasMessageContaining("not a readable JWT")
                .hasMessageContaining(AccessToken.fingerprintOf(value))
                .hasMessageNotContaining(value)
                .hasNoCause();
    }

    @ParameterizedTest(name = "exp {0}")
    @ValueSource(longs = {31_556_889_864_403_199L, 9_223_372_036_854_776L, 100_000_000_000_000_000L})
    void anExpBeyondWhatMillisecondsCanCountMeansNeverAndStaysPlannable(long exp) {
        // found by JwtExpiryReaderFuzzTest: the token lifecycle plans in epoch milliseconds, and
        // Instant.toEpochMilli overflowed for such an exp, failing the login after it had succeeded
        String withoutIat = "{\"exp\":" + exp + "}";
        String withIat = "{\"iat\":" + LOCAL_NOW.getEpochSecond() + ",\"exp\":" + exp + "}";
        for (String payload : new String[] {withoutIat, withIat}) {
            String jwt = unsigned(payload);
            try {
                AccessToken token = reader.read(jwt, SENT_AT);
                // capped where the exact value would not fit; either way "in ~290 million years"
                assertThat(token.expiresAt().toEpochMilli()).isGreaterThan(Long.MAX_VALUE / 2);
            } catch (MalformedLoginResponseException refused) {
                assertThat(refused).hasMessageContaining("not a readable JWT"); // beyond Instant: java-jwt refuses it
            }
        }
    }

    private static String unsigned(String payload) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void nonNumericExpIsUnreadable() {
        String jwt = JWT.create().withClaim("exp", "tomorrow").sign(HS256);
        assertThatThrownBy(() -> reader.read(jwt, SENT_AT))
                .isInstanceOf(MalformedLoginResponseException.class)
                .hasMessageContaining("not a readable JWT");
    }
}
