package dev.tokenkeeper.samples.cli;

import dev.tokenkeeper.httpclient5.TokenKeeperClients;
import dev.tokenkeeper.httpclient5.TokenKeeperStats;
import java.util.Properties;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The tokenkeeper clients {@code call} and {@code load} use: {@link TokenKeeperClients} from the
 * {@code tokenkeeper.*} keys of the properties file (one token source, TLS trust, timeouts and scope
 * from the configuration), with a connection pool of {@code maxConnections} per route and in total.
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
        return clients.classicBuilder(maxConnections).build();
    }

    /** A started async client with tokenkeeper registered on its builder. The caller closes it. */
    public CloseableHttpAsyncClient async() {
        CloseableHttpAsyncClient client = clients.asyncBuilder(maxConnections).build();
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
}
