package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordingServerTest {

    private final Http http = new Http();

    @Test
    void recordsMethodTargetHeadersAndBody() throws Exception {
        try (RecordingServer server = RecordingServer.start(false, "127.0.0.1")) {
            int status = http.send(HttpRequest.newBuilder(server.uri("/landing?from=redirect"))
                    .header("Authorization", "Bearer secret-token")
                    .header("X-Trace", "1").header("X-Trace", "2")
                    .POST(HttpRequest.BodyPublishers.ofString("hello"))).statusCode();
            server.respondWith(503);
            int second = http.get(server.uri("/again"), null).statusCode();

            assertThat(status).isEqualTo(200);
            assertThat(second).isEqualTo(503);
            RecordedRequest first = server.requests().get(0);
            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.path()).isEqualTo("/landing?from=redirect");
            assertThat(first.header("authorization")).isEqualTo("Bearer secret-token");
            assertThat(first.headers().get("x-trace")).containsExactly("1", "2");
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(first.toString()).doesNotContain("secret-token").contains("X-trace=[1, 2]");
            assertThat(server.requests().get(1).header("Authorization")).isNull();
            assertThat(server.uri("/x").toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/x");

            server.clear();
            assertThat(server.requests()).isEmpty();
        }
    }
}
