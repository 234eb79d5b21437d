package dev.tokenkeeper.core.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    private static String decode(String text) {
        return new String(Base32.decode(text.toCharArray()), StandardCharsets.US_ASCII);
    }

    /** RFC 4648 section 10 test vectors, padded and unpadded. */
    @ParameterizedTest
    @CsvSource({
            "'', ''", "MY======, f", "MZXQ====, fo", "MZXW6===, foo", "MZXW6YQ=, foob", "MZXW6YTB, fooba",
            "MZXW6YTBOI======, foobar", "MY, f", "MZXQ, fo", "MZXW6, foo", "MZXW6YQ, foob", "MZXW6YTBOI, foobar",
    })
    void decodesRfc4648Vectors(String encoded, String decoded) {
        assertThat(decode(encoded)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mzxw6ytboi", "MZXW 6YTB OI", "mzxw-6ytb-oi", " MZXW6YTBOI====== "})
    void toleratesLowerCaseSpacesDashesAndPadding(String encoded) {
        assertThat(decode(encoded)).isEqualTo("foobar");
    }

    @ParameterizedTest
    @CsvSource({
            "MZXW1YTB, position 5", "MZXW6YTB!, position 9", "MZ=XW6YTB, padding",
            "M, truncated", "MZX, truncated", "MZXW6Y, truncated",
    })
    void refusesInvalidTextWithAClearMessage(String encoded, String expected) {
        assertThatThrownBy(() -> decode(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }
}
