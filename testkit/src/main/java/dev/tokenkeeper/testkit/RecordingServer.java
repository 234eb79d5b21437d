package dev.tokenkeeper.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A "foreign" server that records every request (method, target, all headers, body) and answers 200, or the
 * status set by {@link #respondWith(int)}: the redirect target of scoping tests, to prove a token did not go
 * where it must not. Thread-safe.
 */
public final class RecordingServer implements AutoCloseable {

    /** Recorded bodies are read up to this size; larger ones get 413. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ServerRuntime runtime;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile int status = 200;

    private RecordingServer(ServerRuntime runtime) {
        this.runtime = runtime;
        runtime.handle("/", exchange -> {
            byte[] body;
            int answer = status;
            try {
                body = Exchanges.readBody(exchange, MAX_BODY_BYTES);
            } catch (Exchanges.BodyTooLargeException e) {
                body = new byte[0];
                answer = 413;
            }
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null
                            ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), body);
            synchronized (requests) {
                requests.add(request);
            }
            Exchanges.sendJson(exchange, answer, Map.of("recorded", true));
        });
        runtime.start();
    }

    /** Starts on an ephemeral loopback port; over HTTPS it presents the test CA's {@code localhost} certificate. */
    public static RecordingServer start(boolean https, String hostName) {
        return start(https, hostName, TestPki.Certificate.LOCALHOST);
    }

    /** Starts on an ephemeral loopback port, presenting {@code certificate} when {@code https}. */
    public static RecordingServer start(boolean https, String hostName, TestPki.Certificate certificate) {
        return new RecordingServer(ServerRuntime.create("recording-server", hostName, https ? certificate : null));
    }

    /** {@code scheme://host:port + path}. */
    public URI uri(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        return URI.create(runtime.baseUri() + path);
    }

    /** {@code scheme://host:port}. */
    public URI baseUri() {
        return runtime.baseUri();
    }

    public int port() {
        return runtime.port();
    }

    /** The status of the following answers (default 200). */
    public void respondWith(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599, got " + status);
        }
        this.status = status;
    }

    /** The requests received so far, in arrival order (a copy). */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(new ArrayList<>(requests));
        }
    }

    /** Forgets the recorded requests. */
    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "RecordingServer[" + runtime.baseUri() + "]";
    }
}
