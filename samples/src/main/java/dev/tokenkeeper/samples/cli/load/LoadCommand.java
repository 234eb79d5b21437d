package dev.tokenkeeper.samples.cli.load;

import dev.tokenkeeper.httpclient5.TokenKeeperStats;
import dev.tokenkeeper.samples.cli.CliClients;
import dev.tokenkeeper.samples.cli.ConfigFile;
import dev.tokenkeeper.samples.cli.ConfigOption;
import dev.tokenkeeper.samples.cli.ExitCodes;
import dev.tokenkeeper.samples.cli.HelpOption;
import dev.tokenkeeper.samples.cli.Logging;
import dev.tokenkeeper.samples.cli.RequestOptions;
import dev.tokenkeeper.samples.cli.RequestSpec;
import dev.tokenkeeper.samples.cli.UsageException;
import dev.tokenkeeper.samples.cli.VerboseOption;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code load}: N requests from T threads (or through the async client with at most T in flight),
 * then one JSON line with the outcome, latencies and the library's own counters.
 */
@Command(name = "load", sortOptions = false,
        description = {"Sends N requests from T threads (or through the async client with --async) through one "
                + "tokenkeeper client and prints, as the last line on stdout, one JSON object with the outcome, "
                + "latencies and the library's counters. Progress goes to stderr, at most once a second."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every request got a 2xx answer", "1:at least one did not (see status and errors)",
                "2:bad arguments, a missing file or a bad key (one line on stderr)"})
public final class LoadCommand implements Callable<Integer> {

    /** Latencies are kept per request; this bounds their memory (8 bytes each). */
    static final int MAX_REQUESTS = 10_000_000;
    static final int MAX_THREADS = 1_000;

    @Mixin
    ConfigOption config;

    @Option(names = {"-n", "--requests"}, required = true, paramLabel = "N", description = "Number of requests to send.")
    int requests;

    @Option(names = {"-t", "--threads"}, required = true, paramLabel = "T",
            description = "Threads sending (with --async: requests in flight at once); also the connection pool size.")
    int threads;

    @Option(names = "--async", description = "Send through the async client (HttpAsyncClient) instead of T blocking threads.")
    boolean async;

    @Mixin
    RequestOptions request;

    @Mixin
    VerboseOption verbose;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Logging.init(verbose.isVerbose(), "warn");
        checkCounts();
        RequestSpec requestSpec = request.toSpec();
        Properties properties = ConfigFile.load(config.file());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadReport report;
        try (CliClients clients = CliClients.fromProperties(properties, threads)) {
            if (async) {
                try (CloseableHttpAsyncClient client = clients.async()) {
                    report = run(new AsyncLoadDriver(client, requestSpec, threads), clients, err);
                }
            } else {
                try (CloseableHttpClient client = clients.classic()) {
                    report = run(new ClassicLoadDriver(client, requestSpec, threads), clients, err);
                }
            }
        }
        out.println(report.toJson());
        out.flush();
        return report.allOk() ? ExitCodes.OK : ExitCodes.NOT_OK;
    }

    private LoadReport run(LoadDriver driver, CliClients clients, PrintWriter err) throws InterruptedException {
        return new LoadRun(driver, requests, () -> countersOf(clients.stats())).execute(err);
    }

    private static LibraryCounters countersOf(TokenKeeperStats stats) {
        return new LibraryCounters(stats.tokenSource().logins(), stats.tokenSource().refreshes(), stats.replays());
    }

    private void checkCounts() {
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new UsageException("--requests must be between 1 and " + MAX_REQUESTS + ", was " + requests + ".");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new UsageException("--threads must be between 1 and " + MAX_THREADS + ", was " + threads + ".");
        }
    }
}
