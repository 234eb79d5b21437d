package dev.tokenkeeper.samples;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.BasicHttpClientResponseHandler;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;

/**
 * An application that already builds its HttpClient with care: its own connection pool, TLS setup,
 * retry strategy, user agent and request interceptor. tokenkeeper is added with one call on that
 * builder, {@code keeper.configure(builder)}, and everything else stays as it was.
 *
 * <p>The handler runs below HttpClient's redirect and retry handling, so every hop is judged on its
 * own: a redirect to a host outside the token's scope is followed without the token. A request
 * interceptor of yours runs after tokenkeeper on every hop; if it set {@code Authorization} it would
 * overwrite the token, so this one only adds a request id.
 *
 * <p>Run it: {@code java -cp tokenkeeper-demo.jar dev.tokenkeeper.samples.RegisterOnBuilderSample
 * tokenkeeper.properties https://api.example.com/orders/42}
 */
public final class RegisterOnBuilderSample implements AutoCloseable {

    /** The header the application's own interceptor adds to every request. */
    public static final String REQUEST_ID = "X-Request-Id";

    private final TokenKeeper keeper;
    private final CloseableHttpClient http;

    /**
     * @param tokenkeeperProperties the {@code tokenkeeper.*} keys
     * @param tls                   the application's own TLS setup (here: trusting its private CA)
     */
    public RegisterOnBuilderSample(Properties tokenkeeperProperties, SSLContext tls) {
        HttpClientBuilder builder = existingBuilder(tls);
        this.keeper = TokenKeeper.create(TokenKeeperConfig.fromProperties(tokenkeeperProperties));
        this.http = keeper.configure(builder).build(); // the one line tokenkeeper adds
    }

    /** The builder the application had before tokenkeeper, unchanged. */
    static HttpClientBuilder existingBuilder(SSLContext tls) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                        .setMaxConnTotal(40)
                        .setMaxConnPerRoute(20)
                        .build())
                .setRetryStrategy(new DefaultHttpRequestRetryStrategy(2, TimeValue.ofMilliseconds(250)))
                .setUserAgent("orders-sync/2.3")
                .addRequestInterceptorFirst((HttpRequestInterceptor) (request, entity, context) ->
                        request.setHeader(REQUEST_ID, UUID.randomUUID().toString()));
    }

    /** GETs {@code uri} and returns the body; a non-2xx answer is an {@code HttpResponseException}. */
    public String get(URI uri) throws IOException {
        return http.execute(new HttpGet(uri), new BasicHttpClientResponseHandler());
    }

    @Override
    public void close() throws IOException {
        http.close();
        keeper.close();
    }

    /** {@code RegisterOnBuilderSample PROPERTIES_FILE URL}: prints the body, using the JVM's trusted CAs. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RegisterOnBuilderSample PROPERTIES_FILE URL");
            System.exit(2);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        try (RegisterOnBuilderSample sample = new RegisterOnBuilderSample(properties, SSLContexts.createSystemDefault())) {
            System.out.println(sample.get(URI.create(args[1])));
        }
    }
}
