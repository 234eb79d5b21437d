package dev.tokenkeeper.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.samples.support.TestConfig;
import dev.tokenkeeper.testkit.IdentityServer;
import org.junit.jupiter.api.Test;

/**
 * The legacy sample runs unchanged, {@code HttpClients.createDefault()} included. That client trusts
 * only the JVM's CAs, so this test serves the API over plain http on loopback (which tokenkeeper
 * allows only with {@code tokenkeeper.target.allow-http-loopback=true}).
 */
class LegacyIntegrationSampleTest {

    private static final String USER = "legacy@example.test";
    private static final String PASSWORD = "legacy-password-0d4f";

    @Test
    void theWrappedDefaultClientCarriesTheTokenAndSurvivesARevoke() throws Exception {
        try (IdentityServer server = IdentityServer.builder().https(false).user(USER, PASSWORD).start();
             TestConfig config = TestConfig.forServer(server, USER, PASSWORD)
                     .remove("tokenkeeper.tls.trust-store").remove("tokenkeeper.tls.trust-store-password")
                     .set("tokenkeeper.target.allow-http-loopback", "true");
             LegacyIntegrationSample sample = new LegacyIntegrationSample(server.apiUrl("/api/echo/"), config.properties())) {

            assertThat(sample.order("7")).contains("\"path\":\"/api/echo/orders/7\"").contains("\"sub\":\"" + USER + "\"");
            assertThat(sample.order("8")).contains("\"path\":\"/api/echo/orders/8\"");
            assertThat(server.counters().loginsSucceeded()).isEqualTo(1);

            server.revokeAllTokens();
            assertThat(sample.order("9")).as("replayed after the 401 with a new token").contains("orders/9");
            assertThat(server.counters().loginsSucceeded()).isEqualTo(2);
            assertThat(server.counters().authorizationHeadersSeen()).allSatisfy(h -> assertThat(h).startsWith("Bearer "));
        }
    }
}
