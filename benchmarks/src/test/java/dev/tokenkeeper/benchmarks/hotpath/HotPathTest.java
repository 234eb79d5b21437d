package dev.tokenkeeper.benchmarks.hotpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.TokenSourceStats;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The comparison is fair (every variant sets the same header) and the generated benchmarks run. */
class HotPathTest {

    private final HotPathT1 bench = new HotPathT1();

    @BeforeEach
    void setUp() throws Exception {
        bench.setUp();
    }

    @AfterEach
    void tearDown() throws Exception {
        bench.tearDown();
    }

    @Test
    void everyVariantPutsTheSameBearerHeaderOnAFreshRequest() throws Exception {
        ClassicHttpRequest baseline = bench.requestBaseline();
        String expected = baseline.getFirstHeader(HttpHeaders.AUTHORIZATION).getValue();
        assertThat(expected).startsWith("Bearer ey");

        for (ClassicHttpRequest request : new ClassicHttpRequest[] {
                bench.requestTokenkeeper(), bench.requestAwsCachedSupplier(), bench.requestGoogleOAuth2()}) {
            assertThat(request).isNotSameAs(baseline);
            assertThat(request.getHeaders(HttpHeaders.AUTHORIZATION)).hasSize(1);
            assertThat(request.getFirstHeader(HttpHeaders.AUTHORIZATION).getValue()).isEqualTo(expected);
            assertThat(request.getRequestUri()).isEqualTo(baseline.getRequestUri());
        }
        assertThat(bench.valueTokenkeeper()).isEqualTo(expected);
        assertThat(bench.valueAwsCachedSupplier()).isEqualTo(expected);
        assertThat(bench.valueGoogleOAuth2()).isEqualTo(expected);
        assertThat(bench.valueBaseline()).isEqualTo(expected);
    }

    @Test
    void bothClientsRunTheirWholeChainWithTheToken() throws Exception {
        // The canned response is 401 for a request without Authorization: 200 means the token went out.
        assertThat(bench.clientBaseline()).isEqualTo(200);
        assertThat(bench.clientTokenkeeper()).isEqualTo(200);
        int withoutToken = bench.plainClient.execute(new HttpGet(bench.uri), response -> response.getCode());
        assertThat(withoutToken).isEqualTo(401);
        assertThat(bench.keeper.stats().withheld()).isZero();
        assertThat(bench.keeper.stats().replays()).isZero();
    }

    @Test
    void tokenkeeperServesTheCachedTokenWithoutAnotherLoginOrWait() {
        TokenSourceStats primed = bench.tokenkeeper.stats();
        assertThat(primed.logins()).isEqualTo(1); // the priming call in setUp
        for (int i = 0; i < 10_000; i++) {
            bench.requestTokenkeeper();
        }
        assertThat(bench.tokenkeeper.stats()).isEqualTo(primed);
    }

    /** A smoke run of the generated JMH code, in process, about a second in all. */
    @Test
    void generatedBenchmarksRun() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(HotPathT1.class.getName() + "\\.request.*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();

        assertThat(results).hasSize(4); // baseline, tokenkeeper, AWS, Google
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
