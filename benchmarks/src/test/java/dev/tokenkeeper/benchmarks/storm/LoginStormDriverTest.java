package dev.tokenkeeper.benchmarks.storm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of the login-storm driver (about a second): the real login, keeper, classic and async
 * clients against the testkit on loopback, and the driver's JSON says one login per storm, nobody failed.
 */
class LoginStormDriverTest {

    @TempDir
    Path dir;

    @Test
    void eachStormIsServedByOneLoginWithoutFailures() throws Exception {
        Path json = dir.resolve("storm.json");
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream())); // the table is for people
            LoginStormDriver.main(new String[] {"--callers=16", "--repetitions=1", "--json=" + json});
        } finally {
            System.setOut(out);
        }

        JsonNode storms = new ObjectMapper().readTree(json.toFile()).path("storms");
        assertThat(storms).extracting(s -> s.path("scenario").asText()).containsExactly(
                "token source cold start", "classic cold start", "classic revoke", "async cold start", "async revoke");
        for (JsonNode storm : storms) {
            assertThat(storm.path("logins").asInt()).as(storm.path("scenario").asText()).isEqualTo(1);
            assertThat(storm.path("maxConcurrentLogins").asInt()).isEqualTo(1);
            assertThat(storm.path("callersServed").asInt()).isEqualTo(16);
            assertThat(storm.path("callersFailed").asInt()).isZero();
        }
    }
}
