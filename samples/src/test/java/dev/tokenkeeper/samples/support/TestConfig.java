package dev.tokenkeeper.samples.support;

import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A {@code tokenkeeper.*} properties file for a test, pointing at a testkit server, with the secrets
 * where a user would put them: in system properties named by {@code sysprop:} references (never in
 * the file). {@link #close()} clears those system properties.
 */
public final class TestConfig implements AutoCloseable {

    private final Properties properties = new Properties();
    private final List<String> systemProperties = new ArrayList<>();

    private TestConfig() {
    }

    /** Login at {@code server} as {@code user}, trusting the test CA through the trust store keys. */
    public static TestConfig forServer(IdentityServer server, String user, String password) {
        TestConfig config = new TestConfig();
        config.set("tokenkeeper.login.url", server.loginUrl().toString());
        config.set("tokenkeeper.login.username", user);
        config.secret("tokenkeeper.login.password", password);
        config.set("tokenkeeper.tls.trust-store", TestPki.trustStoreFile().toString());
        config.secret("tokenkeeper.tls.trust-store-password", new String(TestPki.trustStorePassword()));
        // Short timeouts keep a hung test short; refused connections (the dead endpoints the tests use)
        // fail at once anyway. Not shorter: TLS handshakes on a busy 2-core CI machine take a while.
        config.set("tokenkeeper.http.connect-timeout", "2s");
        config.set("tokenkeeper.http.response-timeout", "5s");
        return config;
    }

    /** Sets a plain key. */
    public TestConfig set(String key, String value) {
        properties.setProperty(key, value);
        return this;
    }

    /** Puts {@code value} in a fresh system property and sets {@code key} to {@code sysprop:} that property. */
    public TestConfig secret(String key, String value) {
        String name = "tokenkeeper.test." + UUID.randomUUID();
        System.setProperty(name, value);
        systemProperties.add(name);
        properties.setProperty(key, "sysprop:" + name);
        return this;
    }

    public TestConfig remove(String key) {
        properties.remove(key);
        return this;
    }

    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** Writes the file into {@code dir} and returns its path. */
    public Path writeTo(Path dir) {
        try {
            Path file = Files.createTempFile(dir, "tokenkeeper", ".properties");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "written by a tokenkeeper-samples test");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        systemProperties.forEach(System::clearProperty);
    }
}
