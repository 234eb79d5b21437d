package dev.tokenkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.httpclient5.TokenKeeperClients;
import dev.tokenkeeper.reliability.support.Reports;
import dev.tokenkeeper.reliability.support.Rig;
import dev.tokenkeeper.reliability.support.SuiteEvidence;
import dev.tokenkeeper.reliability.support.ThreadCensus;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpResponse;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Creating and closing 1,000 token sources with their clients leaves no thread and no connection behind.
 * Each round makes a {@link TokenKeeperClients} (a token source and its login client), a classic and a
 * started async client, sends one request through each (so a login thread, a login connection, API
 * connections and reactor threads exist) and closes everything. Afterwards the client-side threads (by
 * name) and the process's open file descriptors (sockets included) are back where they were.
 *
 * <p>1,000 rounds against a plain-http identity server on loopback (three TLS handshakes and trust-store
 * loads per round would make the run take minutes on two cores), and 50 more over HTTPS, so TLS sockets
 * are counted too. The
 * server's own exchange threads are a cached pool that lingers; they are not the client's and not counted.
 */
class ResourceLeakTest {

    static final int ROUNDS = Integer.getInteger("leak.rounds", 1_000);
    static final int HTTPS_ROUNDS = Integer.getInteger("leak.https.rounds", 50);
    private static final StringBuilder REPORT = new StringBuilder("| figure | plain http | https |\n|---|---|---|\n");
    private static final Map<String, String[]> ROWS = new java.util.LinkedHashMap<>();

    record Leak(int rounds, Duration took, int logins, Map<String, Integer> threadsBefore, Map<String, Integer> threadsAfter,
                Map<String, Long> namesBefore, Map<String, Long> namesAfter, long descriptorsBefore, long descriptorsAfter) {
    }

    @Test
    @Timeout(300)
    void aThousandKeepersAndClientsOverHttpLeaveNothingBehind() throws Exception {
        check(run(false, ROUNDS), 0);
    }

    @Test
    @Timeout(300)
    void fiftyMoreOverHttpsLeaveNothingBehind() throws Exception {
        check(run(true, HTTPS_ROUNDS), 1);
    }

    private static Leak run(boolean https, int rounds) throws Exception {
        return SuiteEvidence.withoutHttpClientDebug(() -> runQuietly(https, rounds));
    }

    private static Leak runQuietly(boolean https, int rounds) throws Exception {
        try (Rig rig = Rig.start(s -> s.https(https))) {
            TokenKeeperConfig.Builder builder = rig.config(false, Duration.ofSeconds(2));
            if (!https) {
                // no TLS: the JVM's default trust, instead of reading and checking the test trust store 3 times a round
                builder.trustStore(null).trustStorePassword(null);
            }
            TokenKeeperConfig config = builder.build();
            URI api = rig.server.apiUrl("/api/echo/leak");
            round(config, api); // warm-up: classes loaded, the JDK's own pools made once
            // the warm-up's threads end asynchronously after its close: start from none
            settle(() -> ThreadCensus.notAbove(clientThreads(), Map.of()));
            Map<String, Integer> threadsBefore = clientThreads();
            Map<String, Long> namesBefore = clientThreadNames();
            long descriptorsBefore = openFileDescriptors();
            long started = System.nanoTime();

            for (int i = 0; i < rounds; i++) {
                round(config, api);
            }

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // closed clients stop their threads asynchronously, and the server closes its side of a
            // connection once it reads the client's close: allow both a moment
            settle(() -> ThreadCensus.notAbove(clientThreads(), threadsBefore) && clientThreadNames().equals(namesBefore)
                    && openFileDescriptors() <= descriptorsBefore + 4);
            return new Leak(rounds, took, rig.server.counters().loginsSucceeded() - 1, threadsBefore, clientThreads(),
                    namesBefore, clientThreadNames(), descriptorsBefore, openFileDescriptors());
        }
    }

    private static void check(Leak leak, int column) {
        row("rounds (token source, classic + async client, one request each)", column, leak.rounds + " in "
                + leak.took.toSeconds() + " s");
        row("logins", column, String.valueOf(leak.logins));
        row("tokenkeeper and HttpClient threads before / after", column,
                ThreadCensus.format(leak.threadsBefore) + " / " + ThreadCensus.format(leak.threadsAfter));
        row("other live threads before / after (without the server's pool)", column,
                leak.namesBefore.values().stream().mapToLong(Long::longValue).sum() + " / "
                        + leak.namesAfter.values().stream().mapToLong(Long::longValue).sum());
        row("open file descriptors before / after", column, leak.descriptorsBefore + " / " + leak.descriptorsAfter);

        assertThat(leak.logins).as("one login per token source").isEqualTo(leak.rounds);
        assertThat(leak.threadsAfter).isEqualTo(leak.threadsBefore);
        assertThat(leak.namesAfter).as("threads by name").isEqualTo(leak.namesBefore);
        assertThat(leak.descriptorsAfter).as("open file descriptors").isLessThanOrEqualTo(leak.descriptorsBefore + 4);
    }

    @AfterAll
    static void writeReport() {
        ROWS.forEach((name, values) -> REPORT.append("| ").append(name).append(" | ").append(values[0]).append(" | ")
                .append(values[1]).append(" |\n"));
        Reports.write("resources.md", REPORT.toString());
    }

    private static void row(String name, int column, String value) {
        ROWS.computeIfAbsent(name, k -> new String[] {"", ""})[column] = value;
    }

    private static void round(TokenKeeperConfig config, URI api) throws Exception {
        try (TokenKeeperClients clients = TokenKeeperClients.fromConfig(config);
             CloseableHttpClient classic = clients.classicClient();
             CloseableHttpAsyncClient async = clients.asyncClient()) {
            assertThat(classic.execute(new HttpGet(api), HttpResponse::getCode)).isEqualTo(200);
            assertThat(async.execute(SimpleRequestBuilder.get(api).build(), null).get(10, TimeUnit.SECONDS).getCode())
                    .isEqualTo(200);
        }
    }

    private static void settle(java.util.concurrent.Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (ConditionTimeoutException leak) {
            // the assertions say what stayed behind
        }
    }

    /** The census without the server's exchange pool. */
    private static Map<String, Integer> clientThreads() {
        Map<String, Integer> census = new TreeMap<>(ThreadCensus.take());
        census.remove("identity-server-");
        return census;
    }

    /** Every live thread but the server's exchange pool and Awaitility's poller, by name with digits masked. */
    private static Map<String, Long> clientThreadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("identity-server-") && !t.getName().startsWith("awaitility"))
                .collect(Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "#"), TreeMap::new, Collectors.counting()));
    }

    private static long openFileDescriptors() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : 0;
    }
}
