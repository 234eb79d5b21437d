package dev.tokenkeeper.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.config.ConfigKey;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.samples.support.CliRun;
import dev.tokenkeeper.samples.support.TestConfig;
import dev.tokenkeeper.testkit.IdentityServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example {@code tokenkeeper.properties} names every key, is valid as it stands, and works when pointed at a server. */
class TokenkeeperPropertiesExampleTest {

    private static final String USER = "example@example.test";
    private static final String PASSWORD = "example-password-3a0c";

    @TempDir
    Path dir;

    @Test
    void namesEveryKeyOfTheLibrary() throws IOException {
        String text = exampleText();

        for (ConfigKey key : ConfigKey.values()) {
            assertThat(text).as("the example documents %s", key).containsPattern("(?m)^#?" + key.key().replace(".", "\\.") + "=");
        }
    }

    @Test
    void isValidAsItStands() throws IOException {
        TokenKeeperConfig config = TokenKeeperConfig.fromProperties(example());

        assertThat(config.loginUrl().getHost()).isEqualTo("identity.eu1.coldstream.diabatix.com");
        assertThat(config.password().description()).isEqualTo("env:TOKENKEEPER_PASSWORD");
        assertThat(config.targetHosts()).containsExactly("*.eu1.coldstream.diabatix.com");
    }

    @Test
    void worksAgainstAServerOnceItsEnvironmentSpecificLinesAreChanged() throws IOException {
        try (IdentityServer server = IdentityServer.builder().user(USER, PASSWORD).start();
             TestConfig local = TestConfig.forServer(server, USER, PASSWORD)) {
            Properties properties = example();
            properties.putAll(local.properties()); // login url, user, password reference, trust store
            properties.setProperty("tokenkeeper.target.hosts", "localhost");
            Path file = dir.resolve("tokenkeeper.properties");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }

            CliRun run = CliRun.of("call", "--config", file.toString(), server.apiUrl("/api/echo/example").toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("HTTP/1.1 200 OK");
        }
    }

    private static Properties example() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String exampleText() throws IOException {
        try (InputStream in = resource()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource() {
        InputStream in = TokenkeeperPropertiesExampleTest.class.getResourceAsStream("/tokenkeeper.properties");
        assertThat(in).as("tokenkeeper.properties on the class path").isNotNull();
        return in;
    }
}
