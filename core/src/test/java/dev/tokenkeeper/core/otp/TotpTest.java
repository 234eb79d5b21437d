package dev.tokenkeeper.core.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.secret.SecretSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    /** RFC 6238 Appendix B seeds ("1234567890" repeated to 20, 32 and 64 bytes), in base32. */
    private static final String SEED_SHA1 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final String SEED_SHA256 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====";
    private static final String SEED_SHA512 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA=";

    private static SecretSource secret(String value) {
        return SecretSource.callback("test-secret", value::toCharArray);
    }

    private static String seedFor(TotpAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
    }

    @ParameterizedTest(name = "{1} at {0} -> {2}")
    @CsvSource({
            "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
            "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
            "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
            "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
            "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
            "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826",
    })
    void matchesRfc6238AppendixBVectors(long epochSecond, TotpAlgorithm algorithm, String expected) {
        Instant at = Instant.ofEpochSecond(epochSecond);
        TotpParameters parameters = new TotpParameters(algorithm, 8, Duration.ofSeconds(30));

        assertThat(Totp.fromBase32(secret(seedFor(algorithm)), parameters).code(at)).isEqualTo(expected);

        String uri = "otpauth://totp/Example:alice@example.com?secret=" + seedFor(algorithm).replace("=", "")
                + "&algorithm=" + algorithm + "&digits=8&period=30&issuer=Example";
        assertThat(Totp.fromUri(secret(uri)).code(at)).isEqualTo(expected);
        assertThat(Totp.fromSecretOrUri(secret(uri)).code(at)).isEqualTo(expected);
    }

    @Test
    void defaultsAreSixDigitSha1ThirtySecondSteps() {
        // The last 6 digits of the SHA1 vector: HOTP truncation is modulo 10^digits.
        assertThat(Totp.fromBase32(secret(SEED_SHA1)).code(Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.fromSecretOrUri(secret(SEED_SHA1)).code(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void codeStaysTheSameWithinAStepAndChangesAtTheNext() {
        Totp totp = Totp.fromBase32(secret(SEED_SHA1));
        Instant stepStart = Instant.ofEpochSecond(1111111110);

        assertThat(totp.code(stepStart.plusSeconds(29))).isEqualTo(totp.code(stepStart));
        assertThat(totp.nextStepAt(stepStart.plusSeconds(29))).isEqualTo(stepStart.plusSeconds(30));
        assertThat(totp.nextStepAt(stepStart)).isEqualTo(stepStart.plusSeconds(30));
        assertThat(totp.code(stepStart.plusSeconds(30))).isNotEqualTo(totp.code(stepStart));
    }

    @Test
    void nextStepHonoursThePeriodOfTheUri() {
        Totp totp = Totp.fromUri(secret("otpauth://totp/x?secret=" + SEED_SHA1 + "&period=60"));
        Instant now = Instant.ofEpochSecond(1_000_000_010);

        assertThat(totp.nextStepAt(now)).isEqualTo(Instant.ofEpochSecond(1_000_000_020));
        assertThat(totp.code(now)).isEqualTo(totp.code(Instant.ofEpochSecond(1_000_000_019)));
    }

    @Test
    void readsTheSecretAtEveryCodeSoRotationWorks() {
        List<String> secrets = new ArrayList<>(List.of(SEED_SHA1, SEED_SHA256));
        Totp totp = Totp.fromBase32(SecretSource.callback(() -> secrets.remove(0).toCharArray()));
        Instant at = Instant.ofEpochSecond(59);

        String first = totp.code(at);
        String second = totp.code(at);

        assertThat(first).isEqualTo("287082");
        assertThat(second).isNotEqualTo(first);
        assertThat(secrets).isEmpty();
    }

    @Test
    void wipesTheArrayItWasGiven() {
        char[] handedOut = SEED_SHA1.toCharArray();
        Totp.fromBase32(SecretSource.callback(() -> handedOut)).code(Instant.ofEpochSecond(59));

        assertThat(new String(handedOut)).isEqualTo("\0".repeat(SEED_SHA1.length()));
    }

    @Test
    void acceptsTheWaysPeopleCopyASecret() {
        String spaced = "gezd gnbv gy3t qojq gezd gnbv gy3t qojq";
        assertThat(Totp.fromSecretOrUri(secret(spaced)).code(Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void invalidBase32NamesTheKeyAndSourceButNotTheSecret() {
        String bad = "GEZDGNBVGY3TQOJQ1EZDGNBV";
        assertThatThrownBy(() -> Totp.fromSecretOrUri(secret(bad), "tokenkeeper.login.totp-secret")
                .code(Instant.EPOCH))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tokenkeeper.login.totp-secret")
                .hasMessageContaining("test-secret")
                .hasMessageContaining("position 17")
                .hasMessageContaining("otpauth://totp/")
                .hasMessageNotContaining(bad)
                .hasMessageNotContaining("GEZDGNBV")
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key())
                        .isEqualTo("tokenkeeper.login.totp-secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "otpauth://hotp/x?secret=GEZDGNBVGY3TQOJQ&counter=1",
            "otpauth://totp/x?issuer=Example",
            "otpauth://totp/x?secret=",
            "otpauth://totp/x",
            "otpauth://totp",
            "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&algorithm=MD5",
            "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&digits=9",
            "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&digits=six",
            "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&period=0",
            "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&period=3600",
            "otpauth://totp/x?secret=GEZDGNBVGY3TQOJ1",
            "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ%3",
            "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&secret=GEZDGNBVGY3TQOJQ",
            "otpauth://totp/x?secret",
            "otpauth:totp/x?secret=GEZDGNBVGY3TQOJQ",
    })
    void malformedUrisAreRefusedWithoutEchoingTheSecret(String uri) {
        Totp totp = Totp.fromUri(secret(uri));
        assertThatThrownBy(() -> totp.code(Instant.EPOCH))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("otpauth URI")
                .hasMessageContaining("Expected otpauth://totp/LABEL?secret=BASE32")
                .hasMessageNotContaining("GEZDGNBVGY3TQOJ");
    }

    @Test
    void percentEncodedPaddingInTheUriIsDecoded() {
        String uri = "OTPAUTH://TOTP/Example%3Aalice?SECRET=" + SEED_SHA256.replace("=", "%3D")
                + "&algorithm=sha-256&digits=8";
        assertThat(Totp.fromUri(secret(uri)).code(Instant.ofEpochSecond(59))).isEqualTo("46119246");
    }

    @Test
    void describesItsSourceNotItsSecret() {
        Totp totp = Totp.fromBase32(SecretSource.env("TK_TOTP"));
        assertThat(totp.toString()).isEqualTo("TOTP from env:TK_TOTP").isEqualTo(totp.description());
    }

    @Test
    void callbackOtpSourcesDefaultToThirtySecondSteps() {
        OtpSource callback = now -> "123456";
        assertThat(callback.nextStepAt(Instant.ofEpochSecond(61))).isEqualTo(Instant.ofEpochSecond(90));
        assertThat(callback.nextStepAt(Instant.ofEpochSecond(90))).isEqualTo(Instant.ofEpochSecond(120));
        assertThat(callback.description()).isEqualTo("callback");
    }
}
