package dev.tokenkeeper.core.http;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Connections for the login client that never write to HttpClient's {@code org.apache.hc.client5.http.wire}
 * and {@code org.apache.hc.client5.http.headers} loggers.
 *
 * <p>Someone debugging their API calls turns those loggers on at DEBUG; with the stock connections the
 * login's body (the password) and its identity-token header would then be logged verbatim. The login
 * connections leave them out; everything else about them is HttpClient's standard connection.
 *
 * <p>This extends HttpClient's {@code DefaultManagedHttpClientConnection}, a class marked internal;
 * the HttpClient version is pinned and a test with those loggers at DEBUG guards an upgrade.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

    private static final AtomicLong COUNTER = new AtomicLong();

    private QuietConnectionFactory() {
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("tokenkeeper-login-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** HttpClient's connection minus the wire and header logging. */
    private static final class QuietConnection extends DefaultManagedHttpClientConnection {

        QuietConnection(String id) {
            super(id);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // no header log: it would show the identity token
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            // no header log, for symmetry and because proxies may echo request headers
        }
    }
}
