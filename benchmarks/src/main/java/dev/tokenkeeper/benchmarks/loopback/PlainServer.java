package dev.tokenkeeper.benchmarks.loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The lightest HTTP server we can put on loopback: HttpCore 5's classic server answering every request
 * with the same small JSON body, without checking anything. The server's work per request is the floor of
 * the end-to-end comparison, so the lighter it is, the larger the share of the client's own cost, and the
 * stricter the test of tokenkeeper's overhead. It counts requests that arrived without an
 * {@code Authorization} header, so a variant that forgot the token cannot look fast.
 */
final class PlainServer implements AutoCloseable {

    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final LongAdder requests = new LongAdder();
    private final LongAdder withoutAuthorization = new LongAdder();

    PlainServer() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = ServerBootstrap.bootstrap()
                // The name requests arrive for: without it HttpCore answers 421 Misdirected Request.
                .setCanonicalHostName(loopback.getHostAddress())
                .setLocalAddress(loopback)
                .setListenerPort(0)
                .setSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.ofSeconds(30)).setTcpNoDelay(true).build())
                .register("*", (request, response, context) -> {
                    requests.increment();
                    if (!request.containsHeader(HttpHeaders.AUTHORIZATION)) {
                        withoutAuthorization.increment();
                    }
                    response.setCode(200);
                    response.setEntity(new ByteArrayEntity(BODY, ContentType.APPLICATION_JSON));
                })
                .create();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the loopback server", e);
        }
    }

    /** {@code 127.0.0.1:port}, as a target-host entry. */
    String authority() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** {@code http://127.0.0.1:port/path}. */
    URI uri(String path) {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getLocalPort() + path);
    }

    long requests() {
        return requests.sum();
    }

    long withoutAuthorization() {
        return withoutAuthorization.sum();
    }

    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
        try {
            server.awaitTermination(TimeValue.of(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
