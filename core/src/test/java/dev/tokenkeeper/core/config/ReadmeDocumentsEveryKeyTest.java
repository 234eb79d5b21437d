package dev.tokenkeeper.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The README's configuration table names every key with its default, so it cannot fall behind the code. */
class ReadmeDocumentsEveryKeyTest {

    private static final Path README = Path.of("..", "README.md");

    @ParameterizedTest
    @EnumSource(ConfigKey.class)
    void everyKeyHasARowWithItsDefault(ConfigKey key) throws IOException {
        String row = Files.readAllLines(README).stream()
                .filter(line -> line.startsWith("| `" + key.key() + "` |"))
                .findFirst().orElse("");

        assertThat(row).as("README row for %s", key.key()).isNotEmpty();
        key.defaultValue().ifPresent(value -> assertThat(row).contains("`" + value + "`"));
    }
}
