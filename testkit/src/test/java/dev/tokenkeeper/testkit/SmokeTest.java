package dev.tokenkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void logsInAndCallsTheApi() throws Exception {
        try (IdentityServer server = IdentityServer.builder().user("a@example.test", "pw-123456").start()) {
            Http http = new Http();
            String token = http.login(server, "a@example.test", "pw-123456");
            var response = http.get(server.apiUrl("/api/echo/x?y=1"), "Bearer " + token);
            assertThat(response.statusCode()).isEqualTo(200);
            System.out.println(response.body());
            assertThat(server.counters().protocolViolations()).isEmpty();
        }
    }
}
