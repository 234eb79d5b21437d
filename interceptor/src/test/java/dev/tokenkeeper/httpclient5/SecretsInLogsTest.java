package dev.tokenkeeper.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.httpclient5.support.Req;
import dev.tokenkeeper.httpclient5.support.TestClient;
import dev.tokenkeeper.httpclient5.support.TestLogins;
import dev.tokenkeeper.httpclient5.support.Way;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.LogCapture;
import dev.tokenkeeper.testkit.RecordingServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With tokenkeeper's loggers and HttpClient's header log at DEBUG, a run with a replay, an
 * out-of-scope redirect and an exception logs no token. (HttpClient's wire log prints raw bytes and
 * cannot be redacted; it stays off in production.)
 */
class SecretsInLogsTest {

    private static final List<String> LOGGERS = List.of("dev.tokenkeeper", "org.apache.hc.client5.http.headers");

    private LogCapture logs;
    private IdentityServer server;
    private RecordingServer foreign;

    @BeforeEach
    void capture() {
        logs = LogCapture.atDebug(LOGGERS.toArray(String[]::new));
        server = TestLogins.server(true).start();
        foreign = RecordingServer.start(true, "127.0.0.1");
    }

    @AfterEach
    void release() {
        logs.close();
        foreign.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void noTokenInAnyLogLine(Way way) throws Exception {
        try (TokenKeeper keeper = TokenKeeper.create(TestLogins.config(server).build()); TestClient client = way.open(keeper)) {
            client.send(Req.get(server.apiUrl("/api/echo/first")));
            server.revokeAllTokens();
            client.send(Req.get(server.apiUrl("/api/echo/replayed")));
            client.send(Req.get(server.apiUrl("/api/redirect?status=302&to="
                    + URLEncoder.encode(foreign.uri("/elsewhere").toString(), StandardCharsets.UTF_8))));
        }

        List<String> tokens = server.counters().authorizationHeadersSeen().stream().map(h -> h.substring("Bearer ".length())).toList();
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(2);
        List<String> lines = logs.lines();
        // the header log did print our Authorization header, as its redacted form
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Authorization: Bearer <"));
        for (String token : tokens) {
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(token));
            // not even the signature part alone
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(token.substring(token.lastIndexOf('.') + 1)));
        }
    }
}
