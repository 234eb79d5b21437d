package dev.tokenkeeper.samples;

import dev.tokenkeeper.core.config.TokenKeeperConfig;
import dev.tokenkeeper.httpclient5.TokenKeeper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.BasicHttpClientResponseHandler;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * An integration written before tokenkeeper, after the change. It made its client with
 * {@code HttpClients.createDefault()} and put a token on every request that someone had pasted from a
 * browser session; it stopped working whenever that token expired. The change is this, nothing else:
 *
 * <pre>
 *    public LegacyIntegrationSample(URI apiBase, Properties tokenkeeperProperties) {
 *        this.apiBase = apiBase;
 * -      this.http = HttpClients.createDefault();
 * +      this.keeper = TokenKeeper.create(TokenKeeperConfig.fromProperties(tokenkeeperProperties));
 * +      this.http = keeper.wrap(HttpClients.createDefault());
 *    }
 *
 *    public String order(String id) throws IOException {
 *        HttpGet get = new HttpGet(apiBase.resolve("orders/" + id));
 * -      get.setHeader("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi...");  // pasted on Monday
 *        return http.execute(get, new BasicHttpClientResponseHandler());
 *    }
 * </pre>
 *
 * <p>{@link TokenKeeper#wrap} suits code that receives a client it cannot build differently. Where you
 * can reach the builder, register on it instead ({@link RegisterOnBuilderSample}): a wrapper sees each
 * request once, so a redirect to another host comes back as the 3xx instead of being followed.
 *
 * <p>Run it: {@code java -cp tokenkeeper-demo.jar dev.tokenkeeper.samples.LegacyIntegrationSample
 * tokenkeeper.properties https://api.example.com/ 42}
 */
public final class LegacyIntegrationSample implements AutoCloseable {

    private final URI apiBase;
    private final TokenKeeper keeper;
    private final CloseableHttpClient http;

    /**
     * @param apiBase               the API's base URL, ending in {@code /}
     * @param tokenkeeperProperties the {@code tokenkeeper.*} keys: login URL, user, where the password is
     */
    public LegacyIntegrationSample(URI apiBase, Properties tokenkeeperProperties) {
        this.apiBase = apiBase;
        this.keeper = TokenKeeper.create(TokenKeeperConfig.fromProperties(tokenkeeperProperties));
        this.http = keeper.wrap(HttpClients.createDefault());
    }

    /** The order {@code id} as the API returns it (JSON); a non-2xx answer is an {@code HttpResponseException}. */
    public String order(String id) throws IOException {
        HttpGet get = new HttpGet(apiBase.resolve("orders/" + id));
        return http.execute(get, new BasicHttpClientResponseHandler());
    }

    @Override
    public void close() throws IOException {
        http.close();
        keeper.close();
    }

    /** {@code LegacyIntegrationSample PROPERTIES_FILE API_BASE_URL ORDER_ID}: prints the order. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LegacyIntegrationSample PROPERTIES_FILE API_BASE_URL ORDER_ID");
            System.exit(2);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        try (LegacyIntegrationSample sample = new LegacyIntegrationSample(URI.create(args[1]), properties)) {
            System.out.println(sample.order(args[2]));
        }
    }
}
