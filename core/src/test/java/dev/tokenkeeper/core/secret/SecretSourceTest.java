package dev.tokenkeeper.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.error.SecretUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretSourceTest {

    private static final String KEY = "tokenkeeper.login.password";

    @TempDir
    Path dir;

    @Test
    void fileSecretIsReadAtEveryCallSoRotationWorks() throws IOException {
        Path file = dir.resolve("password");
        Files.writeString(file, "first-secret\n");
        SecretSource source = SecretSource.parse(KEY, "file:" + file);

        assertThat(source.read()).containsExactly("first-secret".toCharArray());
        Files.writeString(file, "rotated-secret");
        assertThat(source.read()).containsExactly("rotated-secret".toCharArray());
        assertThat(source.description()).isEqualTo("file:" + file).isEqualTo(source.toString());
    }

    @Test
    void fileStripsExactlyOneTrailingLineBreak() throws IOException {
        Path file = dir.resolve("crlf");
        Files.writeString(file, "pässword \r\n\n");
        // Only the last "\n" goes: a secret may legitimately end in whitespace.
        assertThat(new String(SecretSource.file(file).read())).isEqualTo("pässword \r\n");
        Files.writeString(file, "pässword\r\n");
        assertThat(new String(SecretSource.file(file).read())).isEqualTo("pässword");
    }

    @Test
    void missingEmptyOversizedAndNonUtf8FilesAreTypedErrorsNamingTheSource() throws IOException {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> SecretSource.file(missing).read())
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("file:" + missing).hasMessageContaining("does not exist");

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> SecretSource.file(empty).read())
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("is empty");

        Path big = Files.write(dir.resolve("big"), new byte[FileSecretSource.MAX_BYTES + 1]);
        assertThatThrownBy(() -> SecretSource.file(big).read())
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("larger than 16384 bytes");

        Path latin1 = Files.write(dir.resolve("latin1"), "p\u00e4ss".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SecretSource.file(latin1).read())
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("not valid UTF-8")
                .hasMessageNotContaining("ss");

        assertThatThrownBy(() -> SecretSource.file(dir).read())
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void envSecretComesFromTheEnvironmentAndMissingOrEmptyIsATypedError() {
        Map<String, String> env = Map.of("TK_PASSWORD", "from-env", "TK_EMPTY", "");
        assertThat(new EnvSecretSource("TK_PASSWORD", env::get).read()).containsExactly("from-env".toCharArray());
        assertThatThrownBy(() -> new EnvSecretSource("TK_MISSING", env::get).read())
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("env:TK_MISSING").hasMessageContaining("is not set");
        assertThatThrownBy(() -> new EnvSecretSource("TK_EMPTY", env::get).read())
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("empty");
        assertThat(SecretSource.parse(KEY, "env:TK_PASSWORD").toString()).isEqualTo("env:TK_PASSWORD");
    }

    @Test
    void syspropSecretIsReadAtEveryCall() {
        String name = "tokenkeeper.test.secret." + System.nanoTime();
        SecretSource source = SecretSource.parse(KEY, " sysprop:" + name + " ");
        assertThatThrownBy(source::read)
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("sysprop:" + name).hasMessageContaining("-D" + name);
        System.setProperty(name, "s3cr3t");
        try {
            assertThat(source.read()).containsExactly("s3cr3t".toCharArray());
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    void callbackMustReturnASecret() {
        assertThat(SecretSource.callback(() -> new char[] {'x'}).read()).containsExactly('x');
        assertThatThrownBy(() -> SecretSource.callback("vault:kv/tk", () -> null).read())
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("vault:kv/tk");
        assertThatThrownBy(() -> SecretSource.callback(() -> {
            throw new IllegalStateException("vault sealed");
        }).read())
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("IllegalStateException")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "Secret:with-colon", "ENV:UPPER", "https://vault/x", "environment:X"})
    void literalsAreRefusedNamingTheKeyAndFormsWithoutEchoingTheValue(String literal) {
        assertThatThrownBy(() -> SecretSource.parse(KEY, literal))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("env:NAME").hasMessageContaining("file:PATH").hasMessageContaining("sysprop:NAME")
                .hasMessageContaining("literal value is refused")
                .hasMessageNotContaining(literal)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key()).isEqualTo(KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "env:", "file: ", "sysprop:"})
    void emptySpecsAndEmptyNamesAreRefused(String spec) {
        assertThatThrownBy(() -> SecretSource.parse(KEY, spec))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("env:NAME");
    }

    @Test
    void wipeZeroesBuffers() {
        char[] chars = {'a', 'b'};
        byte[] bytes = {1, 2};
        Secrets.wipe(chars);
        Secrets.wipe(bytes);
        Secrets.wipe((char[]) null);
        assertThat(chars).containsExactly('\0', '\0');
        assertThat(bytes).containsExactly(0, 0);
    }
}
