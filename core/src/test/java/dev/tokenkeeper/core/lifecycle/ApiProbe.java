package dev.tokenkeeper.core.lifecycle;

import dev.tokenkeeper.core.AccessToken;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.TestPki;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends a token to the testkit's protected API, as a user's request would, and returns the status. */
final class ApiProbe implements AutoCloseable {

    private final IdentityServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .sslContext(TestPki.clientSslContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ApiProbe(IdentityServer server) {
        this.server = server;
    }

    int call(AccessToken token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.apiUrl("/api/echo/probe"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", token.authorizationHeaderValue())
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is AutoCloseable only from Java 21; its threads are daemons.
    }
}
