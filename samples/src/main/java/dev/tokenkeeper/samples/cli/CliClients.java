package dev.tokenkeeper.samples.cli;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.httpclient5.TokenKeeperClients;
import dev.tokenkeeper.httpclient5.TokenKeeperStats;
import java.util.Properties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The tokenkeeper clients {@code call} and {@code load} use: {@link TokenKeeperClients} from the
 * {@code tokenkeeper.*} keys of the properties file (one token source, TLS trust, timeouts and scope
 * from the configuration), with a connection pool of {@code maxConnections} per route and in total.
 *
 * <p>The pool is the one thing built here: {@code TokenKeeperClients}' builders come with a
 * default-sized pool (5 connections per route) and no way to size it, and replacing their connection
 * manager drops the configured TLS and connect timeout. So the replacement below carries the same TLS
 * strategy and connection timeouts from the configuration; the request timeouts and the token handler
 * stay as {@code TokenKeeperClients} set them.
 */
public final class CliClients implements AutoCloseable {

    private final TokenKeeperClients clients;
    private final int maxConnections;

    private CliClients(TokenKeeperClients clients, int maxConnections) {
        this.clients = clients;
        this.maxConnections = maxConnections;
    }

    /**
     * Validates the configuration (the library's message names the key at fault) and prepares the
     * token source. Nothing is sent until the first request needs a token.
     *
     * @throws dev.tokenkeeper.core.error.InvalidConfigurationException for a missing or invalid key
     */
    public static CliClients fromProperties(Properties properties, int maxConnections) {
        return new CliClients(TokenKeeperClients.fromProperties(properties), maxConnections);
    }

    /** A classic client with tokenkeeper registered on its builder. The caller closes it. */
    public CloseableHttpClient classic() {
        return clients.classicBuilder().setConnectionManager(classicPool()).build();
    }

    /** A started async client with tokenkeeper registered on its builder. The caller closes it. */
    public CloseableHttpAsyncClient async() {
        CloseableHttpAsyncClient client = clients.asyncBuilder().setConnectionManager(asyncPool()).build();
        client.start();
        return client;
    }

    /** The keeper's counters (replays) with the token source's (logins, refreshes, waits). */
    public TokenKeeperStats stats() {
        return clients.keeper().stats();
    }

    /** Closes the token source (and its login client). */
    @Override
    public void close() {
        clients.close();
    }

    private PoolingHttpClientConnectionManager classicPool() {
        TokenKeeperConfig config = clients.config();
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(config.tls().createTlsStrategy())
                .setDefaultConnectionConfig(connectionConfig(config))
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
    }

    private PoolingAsyncClientConnectionManager asyncPool() {
        TokenKeeperConfig config = clients.config();
        return PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(config.tls().createTlsStrategy())
                .setDefaultConnectionConfig(connectionConfig(config))
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
    }

    private static ConnectionConfig connectionConfig(TokenKeeperConfig config) {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(config.connectTimeout().toMillis()))
                .setSocketTimeout(Timeout.ofMilliseconds(config.responseTimeout().toMillis()))
                .build();
    }
}
