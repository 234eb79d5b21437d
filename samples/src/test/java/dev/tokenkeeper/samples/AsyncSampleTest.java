package dev.tokenkeeper.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.httpclient5.TokenUnavailableException;
import dev.tokenkeeper.samples.support.TestConfig;
import dev.tokenkeeper.testkit.IdentityServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncSampleTest {

    private static final String USER = "async@example.test";
    private static final String PASSWORD = "async-password-6a7b";

    @Test
    void manyRequestsInFlightShareOneLogin() throws Exception {
        try (IdentityServer server = IdentityServer.builder().user(USER, PASSWORD).start();
             TestConfig config = TestConfig.forServer(server, USER, PASSWORD);
             AsyncSample sample = new AsyncSample(config.properties())) {
            List<URI> uris = IntStream.range(0, 20).mapToObj(i -> server.apiUrl("/api/echo/orders/" + i)).toList();

            List<String> bodies = sample.getAll(uris).get(30, TimeUnit.SECONDS);

            assertThat(bodies).hasSize(20);
            assertThat(bodies.get(13)).contains("\"path\":\"/api/echo/orders/13\"").contains("\"sub\":\"" + USER + "\"");
            assertThat(server.counters().loginsAttempted()).isEqualTo(1);
            assertThat(server.counters().maxConcurrentLogins()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedPasswordFailsTheFutureWithTheTypedError() throws Exception {
        try (IdentityServer server = IdentityServer.builder().user(USER, PASSWORD).start();
             TestConfig config = TestConfig.forServer(server, USER, "not-the-password");
             AsyncSample sample = new AsyncSample(config.properties())) {

            assertThatThrownBy(() -> sample.get(server.apiUrl("/api/echo/x")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TokenUnavailableException.class)
                    .cause().isInstanceOf(CredentialsRejectedException.class);
            assertThat(server.counters().apiCallsTotal()).as("nothing sent without a token").isZero();
        }
    }
}
