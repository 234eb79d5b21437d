package dev.tokenkeeper.core.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the library's own classic HttpClient for logins: separate from any client of the user, so no
 * user interceptor can see the password and no bearer token ever rides on a login.
 *
 * <ul>
 *   <li>Every timeout set: connect, TLS handshake, response (socket), and the wait for a pooled connection.</li>
 *   <li>Redirects off: the password is posted to the configured URL and nowhere else.</li>
 *   <li>Automatic retries off: the token lifecycle owns retrying, with backoff.</li>
 *   <li>No cookies, no auth cache, no compression: each login stands alone, and the body size bound
 *       applies to the bytes on the wire.</li>
 *   <li>TLS verification through {@link TlsSettings}, never disabled.</li>
 *   <li>No wire or header logging, even when HttpClient's loggers are at DEBUG: the body is the
 *       password ({@link QuietConnectionFactory}).</li>
 * </ul>
 */
public final class LoginHttpClientFactory {

    private LoginHttpClientFactory() {
    }

    /**
     * @param tls             which CAs to trust
     * @param connectTimeout  TCP connect timeout, also the longest wait for a pooled connection
     * @param responseTimeout longest silence while waiting for or reading a response; also bounds the TLS handshake
     */
    public static CloseableHttpClient create(TlsSettings tls, Duration connectTimeout, Duration responseTimeout) {
        Timeout connect = toTimeout(connectTimeout);
        Timeout response = toTimeout(responseTimeout);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls.createTlsStrategy())
                .setConnectionFactory(QuietConnectionFactory.INSTANCE)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(response)
                        // An idle pooled connection may have been dropped by a proxy; check before reuse.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                // The handshake of a cold JVM can take longer than a loopback connect; bound it like a response.
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(response).build())
                .setMaxConnTotal(2)
                .setMaxConnPerRoute(2)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(response)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("tokenkeeper")
                .build();
    }

    private static Timeout toTimeout(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, was " + d);
        }
        return Timeout.of(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
