package dev.tokenkeeper.benchmarks;

import dev.tokenkeeper.benchmarks.loopback.LoopbackDriver;
import dev.tokenkeeper.benchmarks.refresh.RefreshUnderLoadDriver;
import dev.tokenkeeper.benchmarks.report.HotPathReport;
import dev.tokenkeeper.benchmarks.storm.LoginStormDriver;
import java.util.Arrays;

/**
 * The entry point of the load drivers (the JAR's own main class is JMH's):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.tokenkeeper.benchmarks.Drivers loopback|refresh|storm|chart [--option=value …]
 * </pre>
 * Every driver talks to servers it starts itself on loopback only, and every run is bounded in time and
 * count by its options.
 */
public final class Drivers {

    private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

    private Drivers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        // The testkit runs on the JDK's HTTP server, which closes idle keep-alive connections beyond 200
        // (sun.net.httpserver.maxIdleConnections). With 256 storm callers it closes connections the client
        // is about to reuse, and requests fail with ConnectionClosedException: a limit of the test server,
        // not of the client. Raised here, before the first server class loads, unless set by hand.
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "2048");
        }
        try {
            switch (args[0]) {
                case "loopback" -> LoopbackDriver.main(rest);
                case "refresh" -> RefreshUnderLoadDriver.main(rest);
                case "storm" -> LoginStormDriver.main(rest);
                case "chart" -> HotPathReport.main(rest);
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0); // HttpClient and server threads are daemons, but do not wait for any straggler
    }

    private static void usage() {
        System.err.println("""
                usage: java -cp benchmarks/target/benchmarks.jar dev.tokenkeeper.benchmarks.Drivers <driver> [--option=value ...]
                  loopback  requests/s through classic and async clients, tokenkeeper vs. constant header
                            --threads=4 --concurrency=16 --seconds=2 --warmup=3 --rounds=10 --client=both --aa=false --json=FILE
                  refresh   T threads for N s with 2 s tokens vs. never-expiring: logins, waits, p50/p99/max
                            --threads=8 --seconds=20 --warmup=5 --lifetime=2s --rounds=4 --rate=0 --json=FILE
                  storm     N callers at cold start and after a revoke: logins, time until all served
                            --callers=256 --repetitions=5 --login-delay=0ms --json=FILE
                  chart     JMH JSON -> Markdown table + PNG: <result.json> <chart.png> [subtitle]
                """);
    }
}
