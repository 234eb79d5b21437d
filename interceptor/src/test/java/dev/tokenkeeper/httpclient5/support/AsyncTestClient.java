package dev.tokenkeeper.httpclient5.support;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;

/** A started async client; a streamed body is a producer that declares itself not repeatable. */
public final class AsyncTestClient implements TestClient {

    private final CloseableHttpAsyncClient client;

    public AsyncTestClient(CloseableHttpAsyncClient client) {
        this.client = client;
        client.start();
    }

    @Override
    public Reply send(Req req) throws Exception {
        try {
            return submit(req).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public CompletableFuture<Reply> submit(Req req) {
        AsyncRequestBuilder builder = AsyncRequestBuilder.create(req.method()).setUri(req.uri());
        for (Map.Entry<String, String> h : req.headers().entrySet()) {
            builder.addHeader(h.getKey(), h.getValue());
        }
        if (req.body() != null) {
            AsyncEntityProducer body = AsyncEntityProducers.create(req.body(), ContentType.APPLICATION_JSON);
            builder.setEntity(req.streamed() ? new OneShotProducer(body) : body);
        }
        HttpClientContext context = req.context() != null ? req.context() : HttpClientContext.create();
        if (req.config() != null) {
            context.setRequestConfig(req.config());
        }
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        client.execute(builder.build(), SimpleResponseConsumer.create(), null, context, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                Header location = response.getFirstHeader("Location");
                reply.complete(new Reply(response.getCode(), response.getBodyText() == null ? "" : response.getBodyText(),
                        location == null ? null : location.getValue()));
            }

            @Override
            public void failed(Exception ex) {
                reply.completeExceptionally(ex);
            }

            @Override
            public void cancelled() {
                reply.cancel(false);
            }
        });
        return reply;
    }

    /** Sends a GET through the client's own API and returns its own future, for cancellation tests. */
    public Future<SimpleHttpResponse> rawGet(URI uri) {
        return client.execute(SimpleRequestBuilder.get(uri).build(), null);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
