package dev.tokenkeeper.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void readsUtf8Properties() throws Exception {
        Path file = dir.resolve("tk.properties");
        Files.writeString(file, "tokenkeeper.login.username=zoë@example.test\nother=1\n", StandardCharsets.UTF_8);

        assertThat(ConfigFile.load(file).getProperty("tokenkeeper.login.username")).isEqualTo("zoë@example.test");
    }

    @Test
    void saysWhatIsWrongWithTheFile() throws Exception {
        assertThatThrownBy(() -> ConfigFile.load(dir.resolve("missing.properties")))
                .isInstanceOf(UsageException.class).hasMessageContaining("missing.properties does not exist");
        assertThatThrownBy(() -> ConfigFile.load(dir))
                .isInstanceOf(UsageException.class).hasMessageContaining("is a directory");
        Path badEscape = dir.resolve("bad.properties");
        Files.writeString(badEscape, "tokenkeeper.login.username=\\uZZZZ\n");
        assertThatThrownBy(() -> ConfigFile.load(badEscape))
                .isInstanceOf(UsageException.class).hasMessageContaining("is not a valid properties file");
        Path latin1 = dir.resolve("latin1.properties");
        Files.write(latin1, new byte[] {'a', '=', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ConfigFile.load(latin1))
                .isInstanceOf(UsageException.class).hasMessageContaining("is not UTF-8");
    }
}
