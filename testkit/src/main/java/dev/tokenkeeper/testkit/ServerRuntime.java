package dev.tokenkeeper.testkit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK HTTP(S) server under both testkit servers: binds a loopback address, runs every exchange on its own
 * pooled daemon thread (so a held or slow exchange never blocks another), and closes without hanging.
 */
final class ServerRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // peer's delayed ACK add ~40 ms to every response (measured: 44 ms vs 1 ms per loopback request),
        // which would slow every test and falsify the benchmarks. The JDK reads this property once, when its
        // first HttpServer is made; an explicit setting by the user is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    /** Released by {@link #close()}: wakes exchanges that hold their connection or sleep. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private ServerRuntime(HttpServer server, ExecutorService executor, URI baseUri) {
        this.server = server;
        this.executor = executor;
        this.baseUri = baseUri;
    }

    /**
     * Creates a server on an ephemeral port of the loopback address {@code hostName} resolves to; the
     * handlers must be added with {@link #handle} before {@link #start()}.
     *
     * @param certificate the certificate to present, or {@code null} for plain HTTP
     */
    static ServerRuntime create(String name, String hostName, TestPki.Certificate certificate) {
        InetSocketAddress address = new InetSocketAddress(bindAddress(hostName), 0);
        try {
            HttpServer server;
            if (certificate == null) {
                server = HttpServer.create(address, 256);
            } else {
                HttpsServer https = HttpsServer.create(address, 256);
                https.setHttpsConfigurator(new HttpsConfigurator(TestPki.serverSslContext(certificate)));
                server = https;
            }
            ExecutorService executor = Executors.newCachedThreadPool(daemonThreads(name));
            server.setExecutor(executor);
            int port = server.getAddress().getPort();
            URI base = new URI(certificate == null ? "http" : "https", null, hostName, port, null, null, null);
            return new ServerRuntime(server, executor, base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a " + name + " on " + address, e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable host name: " + hostName, e);
        }
    }

    /** Routes requests under {@code pathPrefix}; failures of the handler answer 500 instead of vanishing. */
    void handle(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // Usually the client went away; nothing to answer.
                LOG.debug("{} {}: I/O error while answering: {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), e.toString());
            } catch (RuntimeException | Error e) {
                LOG.warn("{} {}: testkit handler failed", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), e);
                Exchanges.tryServerError(exchange);
            } finally {
                exchange.close();
            }
        });
    }

    ServerRuntime start() {
        server.start();
        LOG.debug("testkit server listening at {}", baseUri);
        return this;
    }

    URI baseUri() {
        return baseUri;
    }

    int port() {
        return baseUri.getPort();
    }

    /** Blocks the calling exchange until the server closes: the connection stays open and unanswered. */
    void holdUntilClosed() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps for {@code delay}, or less if the server closes meanwhile. Returns false if it closed. */
    boolean pause(Duration delay) {
        try {
            return !closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isClosed() {
        return closing.getCount() == 0;
    }

    /**
     * Stops at once: closes the listener and every connection (held ones included), wakes held exchanges and
     * interrupts the handler threads. Never waits for exchanges to finish.
     */
    @Override
    public void close() {
        if (isClosed()) {
            return;
        }
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.debug("testkit server at {}: some handler threads still running after close", baseUri);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("testkit server at {} closed", baseUri);
    }

    /**
     * The loopback address clients will reach for {@code hostName}: the first address of {@code localhost} or
     * an IP literal, the same first choice a client in this JVM makes. Any other name (it may not resolve)
     * binds 127.0.0.1; the server never listens beyond loopback.
     */
    private static InetAddress bindAddress(String hostName) {
        boolean literalOrLocalhost = hostName.equalsIgnoreCase("localhost") || hostName.indexOf(':') >= 0
                || hostName.matches("[0-9.]+");
        if (literalOrLocalhost) {
            try {
                InetAddress address = InetAddress.getByName(hostName);
                if (address.isLoopbackAddress()) {
                    return address;
                }
                throw new IllegalArgumentException(hostName + " is not a loopback address; testkit servers "
                        + "only listen on loopback");
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve " + hostName, e);
            }
        }
        return InetAddress.getLoopbackAddress();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
