package dev.tokenkeeper.httpclient5.support;

import dev.tokenkeeper.testkit.TestPki;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Builders as a user would have them before adding tokenkeeper: a pooled connection manager that
 * trusts the test CA (and nothing else: host names are verified), short timeouts.
 */
public final class Clients {

    static final Timeout CONNECT = Timeout.ofSeconds(2);

    private Clients() {
    }

    public static HttpClientBuilder classicBuilder(ClientOptions options) {
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(TestPki.clientSslContext()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(CONNECT).setSocketTimeout(response(options)).build())
                        .setMaxConnPerRoute(64).setMaxConnTotal(128)
                        .build())
                .setDefaultRequestConfig(requestConfig(options));
        if (!options.redirects()) {
            builder.disableRedirectHandling();
        }
        if (!options.retries()) {
            builder.disableAutomaticRetries();
        }
        return builder;
    }

    public static HttpAsyncClientBuilder asyncBuilder(ClientOptions options) {
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(new DefaultClientTlsStrategy(TestPki.clientSslContext()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(CONNECT).setSocketTimeout(response(options)).build())
                        .setMaxConnPerRoute(64).setMaxConnTotal(128)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(options.ioThreads()).build())
                .setDefaultRequestConfig(requestConfig(options));
        if (!options.redirects()) {
            builder.disableRedirectHandling();
        }
        if (!options.retries()) {
            builder.disableAutomaticRetries();
        }
        return builder;
    }

    private static RequestConfig requestConfig(ClientOptions options) {
        return RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(5)).setResponseTimeout(response(options)).build();
    }

    private static Timeout response(ClientOptions options) {
        return Timeout.ofMilliseconds(options.responseTimeout().toMillis());
    }
}
