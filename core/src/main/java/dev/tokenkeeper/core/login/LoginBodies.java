package dev.tokenkeeper.core.login;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the JSON bodies of the two login steps. The password goes from its {@code char[]} straight
 * into the generator ({@link JsonGenerator#writeString(char[], int, int)}), so it never becomes a
 * {@code String}; the generator's buffers are wiped ({@link WipingRecyclerPool}) and the caller wipes
 * the returned {@link SecretBuffer} once the request is sent.
 */
final class LoginBodies {

    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(WipingRecyclerPool.INSTANCE).build();

    private LoginBodies() {
    }

    /** {@code {"email": username, "password": password}} with the protocol's field names. */
    static SecretBuffer passwordStep(LoginProtocol protocol, String username, char[] password) {
        SecretBuffer body = new SecretBuffer(64 + username.length() * 6 + password.length * 6);
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField(protocol.usernameField(), username);
            json.writeFieldName(protocol.passwordField());
            json.writeString(password, 0, password.length);
            json.writeEndObject();
        } catch (IOException e) {
            body.wipe();
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return body;
    }

    /** {@code {"otp": code, "mfaToken": mfaToken}} with the protocol's field names. */
    static SecretBuffer otpStep(LoginProtocol protocol, String mfaToken, String code) {
        SecretBuffer body = new SecretBuffer(64 + mfaToken.length() * 6 + code.length());
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField(protocol.otpField(), code);
            json.writeStringField(protocol.mfaTokenField(), mfaToken);
            json.writeEndObject();
        } catch (IOException e) {
            body.wipe();
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return body;
    }
}
