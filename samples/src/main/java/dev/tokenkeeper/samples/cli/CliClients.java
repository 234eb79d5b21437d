package dev.tokenkeeper.samples.cli;

import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.core.lifecycle.RefreshingTokenSource;
import dev.tokenkeeper.core.login.ProtocolLoginClient;
import dev.tokenkeeper.httpclient5.TargetScope;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import dev.tokenkeeper.httpclient5.TokenKeeperStats;
import java.util.Properties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.Timeout;

/**
 * The tokenkeeper clients {@code call} and {@code load} use, built from the {@code tokenkeeper.*}
 * keys of the properties file: one token source and keeper, and classic or async clients whose
 * connection pool holds as many connections as there are threads. TLS trust (the
 * {@code tokenkeeper.tls.*} keys) and timeouts ({@code tokenkeeper.http.*}) apply to the API calls as
 * to the logins.
 */
public final class CliClients implements AutoCloseable {

    private final TokenKeeperConfig config;
    private final TokenKeeper keeper;
    private final int maxConnections;

    private CliClients(TokenKeeperConfig config, TokenKeeper keeper, int maxConnections) {
        this.config = config;
        this.keeper = keeper;
        this.maxConnections = maxConnections;
    }

    /**
     * Validates the configuration (the library's message names the key at fault) and creates the token
     * source. No login happens yet: the first request logs in.
     *
     * @throws dev.tokenkeeper.core.error.InvalidConfigurationException for a missing or invalid key
     */
    public static CliClients fromProperties(Properties properties, int maxConnections) {
        TokenKeeperConfig config = TokenKeeperConfig.fromProperties(properties);
        TokenSource tokens = RefreshingTokenSource.builder(ProtocolLoginClient.create(config))
                .policy(config.refreshPolicy())
                .clock(config.clock())
                .build();
        TargetScope scope = TargetScope.forLoginUrl(config.loginUrl(), config.targetHosts(), config.allowHttpLoopback());
        return new CliClients(config, TokenKeeper.owning(tokens, scope), maxConnections);
    }

    /** A classic client with tokenkeeper registered on its builder. The caller closes it. */
    public CloseableHttpClient classic() {
        return keeper.configure(HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setTlsSocketStrategy(tlsStrategy())
                                .setDefaultConnectionConfig(connectionConfig())
                                .setMaxConnTotal(maxConnections)
                                .setMaxConnPerRoute(maxConnections)
                                .build())
                        .setDefaultRequestConfig(requestConfig()))
                .build();
    }

    /** A started async client with tokenkeeper registered on its builder. The caller closes it. */
    public CloseableHttpAsyncClient async() {
        CloseableHttpAsyncClient client = keeper.configure(HttpAsyncClients.custom()
                        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                                .setTlsStrategy(tlsStrategy())
                                .setDefaultConnectionConfig(connectionConfig())
                                .setMaxConnTotal(maxConnections)
                                .setMaxConnPerRoute(maxConnections)
                                .build())
                        .setDefaultRequestConfig(requestConfig()))
                .build();
        client.start();
        return client;
    }

    /** The keeper's counters (replays) with the token source's (logins, refreshes, waits). */
    public TokenKeeperStats stats() {
        return keeper.stats();
    }

    /** Closes the token source (and its login client). */
    @Override
    public void close() {
        keeper.close();
    }

    private DefaultClientTlsStrategy tlsStrategy() {
        return config.tls().createTlsStrategy();
    }

    private ConnectionConfig connectionConfig() {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(config.connectTimeout()))
                .setSocketTimeout(Timeout.of(config.responseTimeout()))
                .build();
    }

    private RequestConfig requestConfig() {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(config.connectTimeout()))
                .setResponseTimeout(Timeout.of(config.responseTimeout()))
                .build();
    }
}
