package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Ready clients from a properties file, for code that only wants an {@code HttpClient} and a
 * configuration:
 *
 * <pre>{@code
 * try (TokenKeeperClients clients = TokenKeeperClients.fromProperties(properties);
 *      CloseableHttpClient http = clients.classicClient()) {
 *     http.execute(new HttpGet("https://project.eu1.example.com/api/projects"), response -> ...);
 * }
 * }</pre>
 *
 * <p>Every client and builder made here shares one {@link TokenKeeper} (one token, one login) and is
 * set up from the configuration:
 * <ul>
 *   <li>TLS: the trust store of {@code tokenkeeper.tls.*} (or the JVM's CAs), with host name
 *       verification. It cannot be turned off.</li>
 *   <li>Timeouts: {@code tokenkeeper.http.connect-timeout} for connecting and for waiting for a pooled
 *       connection, {@code tokenkeeper.http.response-timeout} for the longest silence while waiting for
 *       or reading a response. To change them for the API calls only, set your own
 *       {@code RequestConfig} on a builder from {@link #classicBuilder()} or {@link #asyncBuilder()}.</li>
 *   <li>Scope: {@code tokenkeeper.target.hosts} and {@code tokenkeeper.target.allow-http-loopback}.</li>
 * </ul>
 *
 * <p>This object owns the token source: {@link #close()} closes it (and with it the login client).
 * Clients are closed by their own {@code close()}; a client used after this object was closed fails
 * with {@link TokenUnavailableException}.
 */
public final class TokenKeeperClients implements AutoCloseable {

    private final TokenKeeperConfig config;
    private final TokenKeeper keeper;

    private TokenKeeperClients(TokenKeeperConfig config, TokenKeeper keeper) {
        this.config = config;
        this.keeper = keeper;
    }

    /**
     * Reads the {@code tokenkeeper.*} keys and prepares the token keeper. Nothing is sent until the
     * first request needs a token.
     *
     * @throws dev.tokenkeeper.core.error.InvalidConfigurationException naming the first key at fault
     */
    public static TokenKeeperClients fromProperties(Properties properties) {
        return fromConfig(TokenKeeperConfig.fromProperties(properties));
    }

    /** Like {@link #fromProperties}, for a configuration built in code. */
    public static TokenKeeperClients fromConfig(TokenKeeperConfig config) {
        Objects.requireNonNull(config, "config");
        return new TokenKeeperClients(config, TokenKeeper.create(config));
    }

    /** The keeper every client made here shares; its {@link TokenKeeper#stats()} count for all of them. */
    public TokenKeeper keeper() {
        return keeper;
    }

    /** The configuration in effect. */
    public TokenKeeperConfig config() {
        return config;
    }

    /** A classic client, built and ready. */
    public CloseableHttpClient classicClient() {
        return classicBuilder().build();
    }

    /** An async client, built and started. */
    public CloseableHttpAsyncClient asyncClient() {
        CloseableHttpAsyncClient client = asyncBuilder().build();
        client.start();
        return client;
    }

    /**
     * A classic builder with a pooled connection manager (TLS and timeouts from the configuration) and
     * the token handler registered, for adding your own settings before {@code build()}. The pool has
     * HttpClient's default size. Replacing its connection manager drops the configured TLS and connect
     * timeout.
     */
    public HttpClientBuilder classicBuilder() {
        return classicBuilder(PoolingHttpClientConnectionManagerBuilder.create());
    }

    /** Like {@link #classicBuilder()}, with a pool of {@code maxConnections} per route and in total. */
    public HttpClientBuilder classicBuilder(int maxConnections) {
        requirePositive(maxConnections);
        return classicBuilder(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections));
    }

    /**
     * An async builder with a pooled connection manager (TLS and timeouts from the configuration) and
     * the non-blocking token handler registered. The pool has HttpClient's default size. Start the
     * client after {@code build()}.
     */
    public HttpAsyncClientBuilder asyncBuilder() {
        return asyncBuilder(PoolingAsyncClientConnectionManagerBuilder.create());
    }

    /** Like {@link #asyncBuilder()}, with a pool of {@code maxConnections} per route and in total. */
    public HttpAsyncClientBuilder asyncBuilder(int maxConnections) {
        requirePositive(maxConnections);
        return asyncBuilder(PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections));
    }

    private HttpClientBuilder classicBuilder(PoolingHttpClientConnectionManagerBuilder pool) {
        return keeper.configure(HttpClients.custom()
                .setConnectionManager(pool
                        .setTlsSocketStrategy(config.tls().createTlsStrategy())
                        .setDefaultConnectionConfig(connectionConfig())
                        .build())
                .setDefaultRequestConfig(requestConfig()));
    }

    private HttpAsyncClientBuilder asyncBuilder(PoolingAsyncClientConnectionManagerBuilder pool) {
        return keeper.configure(HttpAsyncClients.custom()
                .setConnectionManager(pool
                        .setTlsStrategy(config.tls().createTlsStrategy())
                        .setDefaultConnectionConfig(connectionConfig())
                        .build())
                .setDefaultRequestConfig(requestConfig()));
    }

    private static void requirePositive(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }

    /** Closes the token source and its login client. Idempotent. */
    @Override
    public void close() {
        keeper.close();
    }

    @Override
    public String toString() {
        return "TokenKeeperClients[" + keeper + "]";
    }

    private ConnectionConfig connectionConfig() {
        return ConnectionConfig.custom()
                .setConnectTimeout(timeout(config.connectTimeout()))
                .setSocketTimeout(timeout(config.responseTimeout()))
                .build();
    }

    private RequestConfig requestConfig() {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(timeout(config.connectTimeout()))
                .setResponseTimeout(timeout(config.responseTimeout()))
                .build();
    }

    private static Timeout timeout(Duration d) {
        return Timeout.ofMilliseconds(d.toMillis());
    }
}
