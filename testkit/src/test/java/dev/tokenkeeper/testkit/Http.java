package dev.tokenkeeper.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/** A JDK HttpClient that trusts the test CA only, with short timeouts, and protocol-shaped requests. */
final class Http implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client = HttpClient.newBuilder()
            .sslContext(TestPki.clientSslContext())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A fresh 128-bit identityToken, hex. */
    static String newIdentityToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static HttpRequest.Builder loginRequest(URI uri, String identityToken, Map<String, String> body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", identityToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Exchanges.toJson(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> passwordStep(IdentityServer server, String identityToken, String email, String password)
            throws IOException, InterruptedException {
        return send(loginRequest(server.loginUrl(), identityToken, Map.of("email", email, "password", password)));
    }

    HttpResponse<String> otpStep(IdentityServer server, String identityToken, String mfaToken, String otp)
            throws IOException, InterruptedException {
        return send(loginRequest(server.otpUrl(), identityToken, Map.of("otp", otp, "mfaToken", mfaToken)));
    }

    /** Logs a user without MFA in and returns the access token; fails the test otherwise. */
    String login(IdentityServer server, String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = passwordStep(server, newIdentityToken(), email, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("accessToken").asText();
    }

    HttpResponse<String> get(URI uri, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Exchanges.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is AutoCloseable only from Java 21; on 17 it is released with its threads.
    }
}
