package dev.tokenkeeper.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.Test;

class LoginBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(SecretBuffer body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.entity(ContentType.APPLICATION_JSON).writeTo(out);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void passwordStepEscapesWhateverThePasswordHolds() throws IOException {
        String password = "p\"a\\s\ns\u00e9\u2603{}";
        SecretBuffer body = LoginBodies.passwordStep(LoginProtocol.DEFAULT, "api@example.com", password.toCharArray());

        JsonNode json = parse(body);
        assertThat(json.get("email").textValue()).isEqualTo("api@example.com");
        assertThat(json.get("password").textValue()).isEqualTo(password);
        assertThat(json.size()).isEqualTo(2);
    }

    @Test
    void aLongPasswordGrowsTheBufferAndStillRoundTrips() throws IOException {
        String password = "x".repeat(20_000) + "\u0001";
        SecretBuffer body = LoginBodies.passwordStep(LoginProtocol.DEFAULT, "u", password.toCharArray());
        assertThat(parse(body).get("password").textValue()).isEqualTo(password);
    }

    @Test
    void otpStepUsesTheProtocolFieldNames() throws IOException {
        LoginProtocol protocol = new LoginProtocol("user", "pass", "token", "challenge", "code", null, "application/json");
        JsonNode json = parse(LoginBodies.otpStep(protocol, "mfa-123", "287082"));
        assertThat(json.get("code").textValue()).isEqualTo("287082");
        assertThat(json.get("challenge").textValue()).isEqualTo("mfa-123");
    }

    @Test
    void wipeLeavesNoPasswordBytesInTheBuffer() throws IOException {
        SecretBuffer body = LoginBodies.passwordStep(LoginProtocol.DEFAULT, "u", "hunter2-secret".toCharArray());
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        body.entity(ContentType.APPLICATION_JSON).writeTo(before);
        assertThat(before.toString(StandardCharsets.UTF_8)).contains("hunter2-secret");

        // The entity wraps the buffer's own array: after wipe() it reads as zeros, not the password.
        var entity = body.entity(ContentType.APPLICATION_JSON);
        int length = body.size();
        body.wipe();
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        entity.writeTo(after);
        assertThat(after.toByteArray()).hasSize(length).containsOnly(0);
    }

    @Test
    void identityTokensAreLongRandomAndUrlSafe() {
        String a = IdentityTokens.next();
        String b = IdentityTokens.next();
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b);
    }
}
