package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.testing.LoginFixture;
import static dev.tokenkeeper.core.testing.LoginFixture.PASSWORD;
import static dev.tokenkeeper.core.testing.LoginFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.RecordedRequest;
import dev.tokenkeeper.testkit.RecordingServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What goes over the wire, seen by a server that records requests. */
class LoginWireFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoginFixture fixture = new LoginFixture();

    @Test
    void thePasswordStepIsAJsonPostWithABareRandomIdentityToken() throws IOException {
        try (RecordingServer recorder = RecordingServer.start(true, "localhost");
             ProtocolLoginClient client = fixture.client(fixture.config(recorder.uri("/account/login")))) {
            // The recorder answers {"recorded": true}: no token, so the login ends there.
            assertThatThrownBy(client::login).isExactlyInstanceOf(MalformedLoginResponseException.class);
            assertThatThrownBy(client::login).isExactlyInstanceOf(MalformedLoginResponseException.class);

            List<RecordedRequest> requests = recorder.requests();
            assertThat(requests).hasSize(2);
            RecordedRequest first = requests.get(0);
            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.path()).isEqualTo("/account/login");
            assertThat(first.header("Content-Type")).isEqualTo("application/*+json");
            assertThat(first.header("Accept")).isEqualTo("application/json");
            assertThat(first.header("Authorization")).matches("[A-Za-z0-9_-]{43}").doesNotStartWith("Bearer");
            assertThat(requests.get(1).header("Authorization")).isNotEqualTo(first.header("Authorization"));
            assertThat(first.header("Cookie")).isNull();

            JsonNode body = JSON.readTree(first.body());
            assertThat(body.get("email").textValue()).isEqualTo(USER);
            assertThat(body.get("password").textValue()).isEqualTo(PASSWORD);
            assertThat(body.size()).isEqualTo(2);
        }
    }

    @Test
    void theProtocolCanBeReshapedForAnotherEndpoint() throws IOException {
        LoginProtocol other = new LoginProtocol("username", "secret", "access_token", "challenge", "code",
                "X-Login-Nonce", "application/json");
        try (RecordingServer recorder = RecordingServer.start(true, "localhost");
             ProtocolLoginClient client = fixture.client(fixture.config(recorder.uri("/oauth/login")).loginProtocol(other))) {
            assertThatThrownBy(client::login).isExactlyInstanceOf(MalformedLoginResponseException.class)
                    .hasMessageContaining("\"access_token\"").hasMessageContaining("\"challenge\"");

            RecordedRequest request = recorder.requests().get(0);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("X-Login-Nonce")).hasSize(43);
            assertThat(request.header("Authorization")).isNull();
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("username").textValue()).isEqualTo(USER);
            assertThat(body.get("secret").textValue()).isEqualTo(PASSWORD);
        }
    }

    @Test
    void theProtocolCanSendNoIdentityToken() {
        LoginProtocol none = new LoginProtocol("email", "password", "accessToken", "mfaToken", "otp", null,
                "application/json");
        try (RecordingServer recorder = RecordingServer.start(true, "localhost");
             ProtocolLoginClient client = fixture.client(fixture.config(recorder.uri("/login")).loginProtocol(none))) {
            assertThatThrownBy(client::login).isExactlyInstanceOf(MalformedLoginResponseException.class);
            assertThat(recorder.requests().get(0).header("Authorization")).isNull();
        }
    }

    @Test
    void thePasswordIsReadAtEveryLoginSoRotationNeedsNoRestart() throws IOException {
        List<String> passwords = new ArrayList<>(List.of("first-password", "rotated-password"));
        try (RecordingServer recorder = RecordingServer.start(true, "localhost");
             ProtocolLoginClient client = fixture.client(fixture.config(recorder.uri("/account/login"))
                     .password(SecretSource.callback(() -> passwords.remove(0).toCharArray())))) {
            assertThatThrownBy(client::login).isInstanceOf(MalformedLoginResponseException.class);
            assertThatThrownBy(client::login).isInstanceOf(MalformedLoginResponseException.class);

            assertThat(JSON.readTree(recorder.requests().get(0).body()).get("password").textValue()).isEqualTo("first-password");
            assertThat(JSON.readTree(recorder.requests().get(1).body()).get("password").textValue()).isEqualTo("rotated-password");
        }
    }

    @Test
    void theLoginAgainstTheIdentityServerViolatesNothing() {
        try (IdentityServer server = fixture.server().start();
             ProtocolLoginClient client = fixture.client(fixture.mfaConfig(server))) {
            client.login();
            assertThat(server.counters().protocolViolations()).isEmpty();
        }
    }
}
