package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TestTotpTest {

    /** RFC 6238 Appendix B, SHA1 column: the key is ASCII "12345678901234567890", 8 digits. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void matchesTheRfc6238Vectors(long epochSeconds, String expected) {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        long step = TestTotp.step(Instant.ofEpochSecond(epochSeconds));
        assertThat(TestTotp.hotp(key, step, 8)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesUseTheBase32SecretAndTheLastSixDigits() {
        // Base32 of "12345678901234567890"; the 6-digit code is the 8-digit one mod 10^6.
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(TestTotp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(TestTotp.code(secret.toLowerCase(), Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(TestTotp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(TestTotp.step(Instant.ofEpochSecond(30))).isOne();
        assertThat(TestTotp.nextStepStart(Instant.ofEpochSecond(31))).isEqualTo(Instant.ofEpochSecond(60));
    }

    @Test
    void base32RoundTripsAndRefusesForeignCharacters() {
        byte[] data = "any bytes \u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
        assertThat(Base32.decode("MZXW6===")).isEqualTo("foo".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.decode(TestTotp.randomSecret())).hasSize(20);
        assertThatThrownBy(() -> Base32.decode("ABC1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 3").hasMessageNotContaining("ABC1");
    }
}
