package dev.tokenkeeper.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.samples.support.CliRun;
import dev.tokenkeeper.samples.support.ClosedPort;
import dev.tokenkeeper.samples.support.TestConfig;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.TestTotp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code call}, end to end in-process against the testkit identity server over HTTPS. */
class CallCommandTest {

    private static final String USER = "api@example.test";
    private static final String PASSWORD = "call-test-password-5b1e";
    private static final String MFA_USER = "mfa@example.test";

    private static IdentityServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = IdentityServer.builder()
                .user(USER, PASSWORD)
                .totpUser(MFA_USER, PASSWORD, TestTotp.randomSecret())
                .start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aTwoHundredPrintsStatusLineAndBodyAndExitsZero() {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)) {
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), server.apiUrl("/api/echo/orders/7").toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.outLines().get(0)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(run.out()).contains("\"path\":\"/api/echo/orders/7\"").contains("\"sub\":\"" + USER + "\"");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void dataHeadersAndMethodAreSent() {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)) {
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), "--method", "put",
                    "--data", "{\"qty\":3}", "--header", "Accept: application/json",
                    server.apiUrl("/api/echo/orders/7?dry=1").toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("\"method\":\"PUT\"").contains("\"bodyLength\":9").contains("\"query\":\"dry=1\"");
        }
    }

    @Test
    void aNonTwoHundredPrintsTheStatusAndExitsOne() {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)) {
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), server.apiUrl("/api/status/404").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.outLines().get(0)).isEqualTo("HTTP/1.1 404 Not Found");
            assertThat(run.out()).contains("\"status\":404");
        }
    }

    @Test
    void aMfaUserLogsInWithTheTotpSecretFromASyspropReference() {
        String secret = TestTotp.randomSecret();
        try (IdentityServer mfaServer = IdentityServer.builder().totpUser(MFA_USER, PASSWORD, secret).start();
             TestConfig config = TestConfig.forServer(mfaServer, MFA_USER, PASSWORD).secret("tokenkeeper.login.totp-secret", secret)) {
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), mfaServer.apiUrl("/api/echo/x").toString());

            assertThat(run.exitCode()).isZero();
            assertThat(mfaServer.counters().otpSteps()).isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordIsOneTypedLineOnStderrAndExitsTwo() {
        try (TestConfig config = TestConfig.forServer(server, USER, "wrong-password-3c9d")) {
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), server.apiUrl("/api/echo/x").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("error: TokenUnavailableException: ")
                    .contains("CredentialsRejectedException")
                    .doesNotContain("wrong-password-3c9d"));
        }
    }

    @Test
    void anUnreachableIdentityHostIsOneTypedLineAndExitsTwo() {
        int closed = ClosedPort.find();
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)
                .set("tokenkeeper.login.url", "https://127.0.0.1:" + closed + "/account/login")
                .set("tokenkeeper.target.hosts", "localhost")) {
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), server.apiUrl("/api/echo/x").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("error: TokenUnavailableException: ")
                    .contains("IdentityServiceUnavailableException"));
        }
    }

    @Test
    void anUnreachableApiHostIsAnIoErrorAndExitsTwo() {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD)) {
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), "https://localhost:" + ClosedPort.find() + "/x");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line).startsWith("error: HttpHostConnectException: "));
        }
    }

    @Test
    void aMisspelledKeyIsNamedAndExitsTwo() {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD).set("tokenkeeper.refresh.before-expiri", "30s")) {
            int loginsBefore = server.counters().loginsAttempted();
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), server.apiUrl("/api/echo/x").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("error: configuration: ")
                    .contains("tokenkeeper.refresh.before-expiri"));
            assertThat(server.counters().loginsAttempted()).as("no login tried").isEqualTo(loginsBefore);
        }
    }

    @Test
    void aPasswordWrittenAsALiteralIsRefusedWithoutEchoingIt() {
        try (TestConfig config = TestConfig.forServer(server, USER, PASSWORD).set("tokenkeeper.login.password", "hunter2-literal")) {
            CliRun run = CliRun.of("call", "--config", config.writeTo(dir).toString(), server.apiUrl("/api/echo/x").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("tokenkeeper.login.password")
                    .doesNotContain("hunter2-literal"));
        }
    }

    @Test
    void aMissingConfigFileIsOneLineAndExitsTwo() {
        CliRun run = CliRun.of("call", "--config", dir.resolve("nope.properties").toString(), "https://localhost/x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: --config ").contains("nope.properties does not exist"));
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        assertOneLineUsageError(CliRun.of("call", "https://localhost/x"), "Missing required option: '--config=FILE'");
        assertOneLineUsageError(CliRun.of("call", "--config", "x.properties", "--bogus", "https://localhost/x"), "Unknown option: '--bogus'");
        assertOneLineUsageError(CliRun.of("call", "--config", "x.properties", "ftp://localhost/x"), "must be an absolute http(s) URL");
        assertOneLineUsageError(CliRun.of("call", "--config", "x.properties", "--header", "no-colon", "https://localhost/x"), "--header 'no-colon'");
        assertOneLineUsageError(CliRun.of("frobnicate"), "Unmatched argument");
    }

    @Test
    void verboseAddsTheStackTrace() {
        try (TestConfig config = TestConfig.forServer(server, USER, "wrong-password-3c9d")) {
            CliRun run = CliRun.of("call", "--verbose", "--config", config.writeTo(dir).toString(), server.apiUrl("/api/echo/x").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines().get(0)).startsWith("error: TokenUnavailableException: ");
            assertThat(run.err()).contains("\tat ").contains("Caused by: dev.tokenkeeper.core.error.CredentialsRejectedException");
        }
    }

    @Test
    void helpExitsZero() {
        CliRun run = CliRun.of("call", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--config=FILE").contains("Exit codes:");
    }

    private static void assertOneLineUsageError(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line).startsWith("error: ").contains(expected));
        assertThat(run.out()).isEmpty();
    }
}
