package dev.tokenkeeper.core.login;

import dev.tokenkeeper.core.config.ConfigKey;
import dev.tokenkeeper.core.error.IdentityServiceUnavailableException;
import dev.tokenkeeper.core.error.MalformedLoginResponseException;
import dev.tokenkeeper.core.http.SafeUrls;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one login request and reads its answer with a hard size bound and a hard time bound. Turns every
 * transport failure into an {@link IdentityServiceUnavailableException} that names the host and the
 * timeout involved. Logs one DEBUG line per request: URL without query, status, elapsed time; nothing
 * secret.
 *
 * <p>The response timeout bounds each silence, not the exchange: a server (or proxy) that trickles its
 * answer a byte at a time never times out, and the login thread would be held for minutes while every
 * caller waits for it in vain. So each request is abandoned (its connection aborted) once it has taken
 * the configuration's {@code loginRequestBudget()} in all, the time {@code TokenSources.loginWaitBound}
 * allows each request of a login.
 */
final class LoginHttp {

    /** The largest login answer read; a login answer is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolLoginClient.class);

    private final CloseableHttpClient http;
    private final LoginProtocol protocol;
    private final ContentType contentType;
    private final Clock clock;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration exchangeBudget;

    /** @param exchangeBudget the longest one request may take in all, after which it is abandoned */
    LoginHttp(CloseableHttpClient http, LoginProtocol protocol, Clock clock, Duration connectTimeout,
              Duration responseTimeout, Duration exchangeBudget) {
        this.http = http;
        this.protocol = protocol;
        this.contentType = ContentType.parse(protocol.contentType());
        this.clock = clock;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.exchangeBudget = exchangeBudget;
    }

    /**
     * POSTs {@code body} to {@code url}. The body is not wiped here; the caller does that.
     *
     * @throws IdentityServiceUnavailableException on any transport failure
     * @throws MalformedLoginResponseException     when a 2xx body exceeds {@link #MAX_BODY_BYTES}
     */
    LoginResponse post(LoginStep step, URI url, String identityToken, SecretBuffer body) {
        HttpPost post = new HttpPost(url);
        // Aborts the exchange from the JDK's delay thread once its time is up; completed (and the timer
        // cancelled) as soon as the answer has been read.
        CompletableFuture<Void> exchange = new CompletableFuture<>();
        exchange.orTimeout(exchangeBudget.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, overdue) -> {
            if (overdue != null) {
                post.cancel();
            }
        });
        try {
            return exchange(step, url, identityToken, body, post, exchange);
        } finally {
            exchange.complete(null);
        }
    }

    private LoginResponse exchange(LoginStep step, URI url, String identityToken, SecretBuffer body, HttpPost post,
                                   CompletableFuture<Void> deadline) {
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        protocol.identityTokenHeaderName().ifPresent(name -> post.setHeader(name, identityToken));
        post.setEntity(body.entity(contentType));
        Instant sentAt = clock.instant();
        long started = System.nanoTime();
        ClassicHttpResponse response;
        try {
            response = http.executeOpen(null, post, null);
        } catch (IOException e) {
            LOG.debug("Login {}: POST {} failed after {} ms: {}", step, SafeUrls.withoutQuery(url), elapsedMillis(started),
                    e.getClass().getSimpleName());
            throw unreachable(step, url, e, deadline.isCompletedExceptionally());
        }
        try {
            int status = response.getCode();
            LOG.debug("Login {}: POST {} -> {} in {} ms", step, SafeUrls.withoutQuery(url), status, elapsedMillis(started));
            byte[] answer = null;
            if (status >= 200 && status < 300) {
                answer = readBounded(step, url, post, response.getEntity());
            } else {
                // Error bodies are not needed and may be large: drop the connection instead of draining it.
                post.cancel();
            }
            return new LoginResponse(status, answer, RetryAfter.parse(header(response, HttpHeaders.RETRY_AFTER),
                    clock.instant()), location(response), sentAt);
        } catch (IOException e) {
            LOG.debug("Login {}: reading the answer of POST {} failed after {} ms: {}", step, SafeUrls.withoutQuery(url),
                    elapsedMillis(started), e.getClass().getSimpleName());
            throw unreachable(step, url, e, deadline.isCompletedExceptionally());
        } finally {
            closeQuietly(response);
        }
    }

    /**
     * Closing a response whose connection was cancelled fails while draining the rest of the body; the
     * answer has been handled by then, so that failure means nothing.
     */
    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            LOG.trace("Closing a login response after aborting its connection: {}", e.getClass().getSimpleName());
        }
    }

    private byte[] readBounded(LoginStep step, URI url, HttpPost post, HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > MAX_BODY_BYTES) {
            post.cancel();
            throw oversized(step, url);
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                // Closing the stream would drain the rest of a possibly endless body; abort the connection.
                post.cancel();
                throw oversized(step, url);
            }
            return bytes;
        }
    }

    private MalformedLoginResponseException oversized(LoginStep step, URI url) {
        return new MalformedLoginResponseException("The identity service answered the login " + step + " at "
                + SafeUrls.withoutQuery(url) + " with a body larger than " + MAX_BODY_BYTES / 1024 + " KiB, which is "
                + "not a login answer (a proxy's page?). Check " + ConfigKey.LOGIN_URL + "; tokenkeeper retries with backoff.");
    }

    private IdentityServiceUnavailableException unreachable(LoginStep step, URI url, IOException e, boolean overdue) {
        String where = SafeUrls.hostAndPort(url);
        String what;
        if (overdue) {
            what = "got no complete answer from " + where + " within " + millis(exchangeBudget) + " in all ("
                    + ConfigKey.HTTP_CONNECT_TIMEOUT + " + 2 x " + ConfigKey.HTTP_RESPONSE_TIMEOUT + "): it answers "
                    + "too slowly, a little at a time, and the request was abandoned";
        } else if (e instanceof ConnectTimeoutException) {
            what = "could not connect to " + where + " within the connect timeout of " + millis(connectTimeout)
                    + " (" + ConfigKey.HTTP_CONNECT_TIMEOUT + ")";
        } else if (e instanceof ConnectionRequestTimeoutException) {
            what = "got no connection to " + where + " from the pool within " + millis(connectTimeout)
                    + " (" + ConfigKey.HTTP_CONNECT_TIMEOUT + ")";
        } else if (e instanceof SocketTimeoutException) {
            what = "got no answer from " + where + " within the response timeout of " + millis(responseTimeout)
                    + " (" + ConfigKey.HTTP_RESPONSE_TIMEOUT + ")";
        } else if (e instanceof HttpHostConnectException) {
            what = "could not connect to " + where + " (connection refused): check that the identity service runs there";
        } else if (e instanceof UnknownHostException) {
            what = "cannot resolve the host name of " + where + "; check " + ConfigKey.LOGIN_URL + " and DNS";
        } else if (e instanceof SSLException) {
            what = "could not establish TLS with " + where + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): its certificate is not trusted here or does not name this host. If the service uses a "
                    + "private CA, configure it in " + ConfigKey.TLS_TRUST_STORE
                    + " (certificate verification is never turned off)";
        } else if (e instanceof InterruptedIOException) {
            what = "was interrupted while talking to " + where;
        } else {
            what = "lost the connection to " + where + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
        return new IdentityServiceUnavailableException("Login " + step + " at " + SafeUrls.withoutQuery(url) + " " + what
                + ". tokenkeeper retries with backoff.", e);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static String location(ClassicHttpResponse response) {
        String value = header(response, HttpHeaders.LOCATION);
        if (value == null) {
            return null;
        }
        try {
            return SafeUrls.withoutQuery(URI.create(value.strip()));
        } catch (IllegalArgumentException e) {
            return "(an unparseable location)";
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
