package dev.tokenkeeper.samples;

import dev.tokenkeeper.httpclient5.TokenKeeperClients;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;

/**
 * The async client: many requests in flight on a few I/O threads, the token attached without ever
 * blocking one of them. When a login is needed (the first request, or after a 401) the requests that
 * need it continue when it completes; all of them share that one login.
 *
 * <p>A request that cannot get a token fails its future with {@code TokenUnavailableException} (an
 * {@code IOException}); its cause is the core's typed error, such as {@code CredentialsRejectedException}.
 *
 * <p>Run it: {@code java -cp tokenkeeper-demo.jar dev.tokenkeeper.samples.AsyncSample
 * tokenkeeper.properties https://api.example.com/orders/1 https://api.example.com/orders/2}
 */
public final class AsyncSample implements AutoCloseable {

    private final TokenKeeperClients clients;
    private final CloseableHttpAsyncClient http;

    /** @param tokenkeeperProperties the {@code tokenkeeper.*} keys, TLS and timeouts included */
    public AsyncSample(Properties tokenkeeperProperties) {
        this.clients = TokenKeeperClients.fromProperties(tokenkeeperProperties);
        this.http = clients.asyncClient(); // built and started, the token handler registered
    }

    /** GETs every URI at once; the future completes with the bodies in order, or with the first failure. */
    public CompletableFuture<List<String>> getAll(List<URI> uris) {
        List<CompletableFuture<String>> bodies = uris.stream().map(this::get).toList();
        return CompletableFuture.allOf(bodies.toArray(CompletableFuture[]::new))
                .thenApply(done -> bodies.stream().map(CompletableFuture::join).toList());
    }

    /** GETs {@code uri}: the body of a 2xx answer, or a failed future. */
    public CompletableFuture<String> get(URI uri) {
        CompletableFuture<String> body = new CompletableFuture<>();
        http.execute(SimpleRequestBuilder.get(uri).build(), new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                if (response.getCode() / 100 == 2) {
                    body.complete(response.getBodyText());
                } else {
                    body.completeExceptionally(new IOException("GET " + uri + " answered " + response.getCode()));
                }
            }

            @Override
            public void failed(Exception e) {
                body.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                body.cancel(false);
            }
        });
        return body;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        clients.close();
    }

    /** {@code AsyncSample PROPERTIES_FILE URL...}: prints each body. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: AsyncSample PROPERTIES_FILE URL...");
            System.exit(2);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        List<URI> uris = Arrays.stream(args, 1, args.length).map(URI::create).toList();
        try (AsyncSample sample = new AsyncSample(properties)) {
            sample.getAll(uris).get(60, TimeUnit.SECONDS).forEach(System.out::println);
        }
    }
}
