package dev.tokenkeeper.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.TestPki;
import dev.tokenkeeper.testkit.TestTotp;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code tokenkeeper-demo.jar}, run as a user runs it ({@code java -jar}, a separate JVM):
 * the shading works (main class, merged service files, the SLF4J binding), the demo passes, and
 * {@code call --verbose} logs at DEBUG without a secret or a token in sight. Runs in the
 * integration-test phase, after the jar is built.
 */
class DemoJarIT {

    private static final String USER = "jar@example.test";
    private static final String PASSWORD = "jar-it-password-c0ffee";

    @TempDir
    Path dir;

    @Test
    void withoutArgumentsTheJarRunsTheDemoAndExitsZero() throws Exception {
        Result result = run(List.of(), Map.of());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("== 1/5 First login").contains("every behaviour shown above happened");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void callVerboseLogsDebugWithoutSecretsOrTokens() throws Exception {
        String totpSecret = TestTotp.randomSecret();
        try (IdentityServer server = IdentityServer.builder().totpUser(USER, PASSWORD, totpSecret).start()) {
            Path secretFile = Files.writeString(dir.resolve("totp-secret"), totpSecret + "\n");
            Properties properties = new Properties();
            properties.setProperty("tokenkeeper.login.url", server.loginUrl().toString());
            properties.setProperty("tokenkeeper.login.username", USER);
            properties.setProperty("tokenkeeper.login.password", "env:TK_IT_PASSWORD");
            properties.setProperty("tokenkeeper.login.totp-secret", "file:" + secretFile);
            properties.setProperty("tokenkeeper.tls.trust-store", TestPki.trustStoreFile().toString());
            properties.setProperty("tokenkeeper.tls.trust-store-password", "env:TK_IT_TRUSTSTORE_PASSWORD");
            Path config = dir.resolve("it.properties");
            try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }

            Result result = run(List.of("call", "--verbose", "--config", config.toString(), server.apiUrl("/api/echo/jar").toString()),
                    Map.of("TK_IT_PASSWORD", PASSWORD, "TK_IT_TRUSTSTORE_PASSWORD", new String(TestPki.trustStorePassword())));

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("HTTP/1.1 200 OK").contains("\"sub\":\"" + USER + "\"");
            assertThat(result.err()).contains("[DEBUG]").contains("Logged in");
            List<String> secrets = new ArrayList<>(List.of(PASSWORD, totpSecret));
            server.counters().authorizationHeadersSeen().forEach(h -> secrets.add(h.substring("Bearer ".length())));
            assertThat(secrets).hasSizeGreaterThan(2);
            for (String secret : secrets) {
                assertThat(result.out() + result.err()).doesNotContain(secret);
            }
            assertThat(result.err()).doesNotContain("eyJ");
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("demo.jar", "target/tokenkeeper-demo.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + args + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
