package dev.tokenkeeper.httpclient5.support;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;

/** A classic client (configured or wrapped) sending through {@code execute(request, context, handler)}. */
final class ClassicTestClient implements TestClient {

    private final CloseableHttpClient client;
    private final ExecutorService callers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "classic-caller");
        t.setDaemon(true);
        return t;
    });

    ClassicTestClient(CloseableHttpClient client) {
        this.client = client;
    }

    @Override
    public Reply send(Req req) throws Exception {
        HttpUriRequestBase request = new HttpUriRequestBase(req.method(), req.uri());
        for (Map.Entry<String, String> h : req.headers().entrySet()) {
            request.addHeader(h.getKey(), h.getValue());
        }
        if (req.config() != null) {
            request.setConfig(req.config());
        }
        if (req.body() != null) {
            request.setEntity(req.streamed()
                    ? new InputStreamEntity(new ByteArrayInputStream(req.body()), req.body().length, ContentType.APPLICATION_JSON)
                    : new ByteArrayEntity(req.body(), ContentType.APPLICATION_JSON));
        }
        return client.execute(request, req.context(), response -> {
            Header location = response.getFirstHeader("Location");
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            return new Reply(response.getCode(), body, location == null ? null : location.getValue());
        });
    }

    @Override
    public CompletableFuture<Reply> submit(Req req) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(req);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, callers);
    }

    @Override
    public void close() throws Exception {
        callers.shutdownNow();
        client.close();
    }
}
