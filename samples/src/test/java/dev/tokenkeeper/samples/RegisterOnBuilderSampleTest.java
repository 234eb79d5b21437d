package dev.tokenkeeper.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.samples.support.TestConfig;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.RecordedRequest;
import dev.tokenkeeper.testkit.RecordingServer;
import dev.tokenkeeper.testkit.TestPki;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegisterOnBuilderSampleTest {

    private static final String USER = "builder@example.test";
    private static final String PASSWORD = "builder-password-9e21";

    @Test
    void theExistingBuilderKeepsItsSettingsAndGainsTheToken() throws Exception {
        try (IdentityServer server = IdentityServer.builder().user(USER, PASSWORD).start();
             RecordingServer foreign = RecordingServer.start(true, "127.0.0.1");
             TestConfig config = TestConfig.forServer(server, USER, PASSWORD);
             RegisterOnBuilderSample sample = new RegisterOnBuilderSample(config.properties(), TestPki.clientSslContext())) {

            for (int i = 0; i < 5; i++) {
                assertThat(sample.get(server.apiUrl("/api/echo/orders/" + i))).contains("\"sub\":\"" + USER + "\"");
            }
            assertThat(server.counters().loginsSucceeded()).isEqualTo(1);

            String to = URLEncoder.encode(foreign.uri("/landing").toString(), StandardCharsets.UTF_8);
            sample.get(server.apiUrl("/api/redirect?status=302&to=" + to));

            // The redirect was followed; the foreign host saw the application's own settings, not the token.
            assertThat(foreign.requests()).singleElement().satisfies((RecordedRequest hop) -> {
                assertThat(hop.header("Authorization")).isNull();
                assertThat(hop.header(RegisterOnBuilderSample.REQUEST_ID)).isNotBlank();
                assertThat(hop.header("User-Agent")).isEqualTo("orders-sync/2.3");
            });
            assertThat(server.counters().redirectAuthorizationHeadersSeen()).singleElement()
                    .satisfies(h -> assertThat(h).startsWith("Bearer "));
        }
    }
}
