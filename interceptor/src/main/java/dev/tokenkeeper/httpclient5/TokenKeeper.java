package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.TokenSource;
import dev.tokenkeeper.core.TokenSources;
import dev.tokenkeeper.core.config.TokenKeeperConfig;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The entry point: puts a {@link TokenSource}'s token on the requests of Apache HttpClient 5 clients,
 * for the targets a {@link TargetScope} allows.
 *
 * <p>Three ways in:
 * <ol>
 *   <li>{@link #configure(HttpClientBuilder)} / {@link #configure(HttpAsyncClientBuilder)}: adds an exec
 *       chain handler to a builder, keeping everything else the builder was given (connection manager,
 *       TLS, proxy, retry and redirect strategies, interceptors). The recommended way.</li>
 *   <li>{@link #wrap(CloseableHttpClient)}: wraps a classic client that is already built, for code that
 *       receives one it cannot configure. See that method for what a wrapper cannot do.</li>
 *   <li>{@link TokenKeeperClients}: a ready client or builder from a properties file.</li>
 * </ol>
 *
 * <p>On each request, and with a configured builder on each redirect hop and retry:
 * <ul>
 *   <li>a request that already carries an {@code Authorization} header of the caller's is left as it is;</li>
 *   <li>a hop whose target is outside the scope (another host, another port, {@code http} instead of
 *       {@code https}, the login endpoint) goes without the token;</li>
 *   <li>a request opted out with {@link #SKIP_ATTRIBUTE} or with
 *       {@link RequestConfig#isAuthenticationEnabled()} {@code false} goes without the token;</li>
 *   <li>every other request gets {@code Authorization: Bearer <token>} from the token source: a
 *       volatile read while the token is fresh;</li>
 *   <li>a 401 to a request that carried the token invalidates exactly that token and sends the request
 *       once more with the next one, when it has no body or a repeatable one. A second 401 is returned
 *       to the caller. A 403 never causes a login.</li>
 *   <li>when no token can be had the classic call throws {@link TokenUnavailableException} (an
 *       {@code IOException}) and the async call's future fails with it; its cause is the core's typed
 *       error.</li>
 * </ul>
 *
 * <p><b>Request interceptors run after the handler.</b> HttpClient runs every
 * {@code HttpRequestInterceptor} (added first or last) inside its main exec, after all exec chain
 * handlers, on every send. An interceptor of yours that sets {@code Authorization} therefore
 * overwrites the token, on every hop it runs for, also on hops to targets outside the scope; one that
 * reads or copies headers sees the token. To send your own credentials, set {@code Authorization} on
 * the request itself (tokenkeeper then leaves it alone) or opt the request out.
 *
 * <p><b>No retry when no token can be had.</b> {@link TokenUnavailableException} is an
 * {@code IOException}, but it is carried past HttpClient's retry handling in a form the retry strategy
 * does not retry (a login failure is the token source's to retry, with its own backoff), so the call
 * fails at once instead of after the retry interval.
 *
 * <p>Thread-safe. One instance serves any number of clients. {@link #close()} closes the token source
 * if this instance owns it ({@link #owning}, {@link TokenKeeperClients}); clients made with it are
 * closed by their own {@code close()}.
 */
public final class TokenKeeper implements AutoCloseable {

    /** The name under which the exec chain handler is registered, before {@code PROTOCOL}. */
    public static final String HANDLER_NAME = "tokenkeeper";

    /**
     * The name of the small handler registered first in the chain that reports a missing token as
     * {@link TokenUnavailableException} (it travels past {@code RETRY} in a form the retry strategy does
     * not retry).
     */
    public static final String ERROR_HANDLER_NAME = "tokenkeeper-errors";

    /**
     * Context attribute that opts one request out: set it to {@link Boolean#TRUE} on the
     * {@code HttpClientContext} passed to {@code execute} (or use {@link #skipToken}) and the request
     * goes without the token.
     */
    public static final String SKIP_ATTRIBUTE = "dev.tokenkeeper.skip-token";

    private final TokenAccess access;
    private final boolean ownsTokenSource;
    private final BearerExecHandler classicHandler;
    private final AsyncBearerExecHandler asyncHandler;
    private final TokenErrorExecHandler classicErrors = new TokenErrorExecHandler();
    private final AsyncTokenErrorExecHandler asyncErrors = new AsyncTokenErrorExecHandler();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TokenKeeper(TokenSource tokenSource, TargetScope scope, boolean ownsTokenSource) {
        this.access = new TokenAccess(Objects.requireNonNull(tokenSource, "tokenSource"), Objects.requireNonNull(scope, "scope"));
        this.ownsTokenSource = ownsTokenSource;
        this.classicHandler = new BearerExecHandler(access);
        this.asyncHandler = new AsyncBearerExecHandler(access);
    }

    /**
     * A keeper that uses {@code tokenSource} without owning it: {@link #close()} leaves it open, the
     * caller closes it.
     */
    public static TokenKeeper of(TokenSource tokenSource, TargetScope scope) {
        return new TokenKeeper(tokenSource, scope, false);
    }

    /** A keeper that owns {@code tokenSource}: {@link #close()} closes it. */
    public static TokenKeeper owning(TokenSource tokenSource, TargetScope scope) {
        return new TokenKeeper(tokenSource, scope, true);
    }

    /**
     * A keeper for a configuration: it keeps the token with the token source the configuration
     * describes ({@link TokenSources#create(TokenKeeperConfig)}: the protocol login, refreshed on the
     * configured policy and clock), and sends it to the configured target hosts (default: the login
     * host's parent domain). It owns that token source: {@link #close()} closes it and its login
     * client. No login happens until the first request needs a token.
     *
     * @throws dev.tokenkeeper.core.error.InvalidConfigurationException when the trust store cannot be read
     */
    public static TokenKeeper create(TokenKeeperConfig config) {
        Objects.requireNonNull(config, "config");
        TargetScope scope = TargetScope.forLogin(config.loginUrl(), config.otpUrl(), config.targetHosts(), config.allowHttpLoopback());
        return owning(TokenSources.create(config), scope);
    }

    /**
     * Adds the token handler to {@code builder}, below its redirect and retry handling (before
     * {@code PROTOCOL}, which every classic client has), so every hop and every retry is judged on its
     * own target, also when the builder has redirects or retries disabled. Everything else the builder
     * holds is kept.
     *
     * @return {@code builder}, for chaining
     */
    public HttpClientBuilder configure(HttpClientBuilder builder) {
        return builder.addExecInterceptorBefore(ChainElement.PROTOCOL.name(), HANDLER_NAME, classicHandler)
                .addExecInterceptorFirst(ERROR_HANDLER_NAME, classicErrors);
    }

    /**
     * Adds the non-blocking token handler to {@code builder}, below its redirect and retry handling
     * (before {@code PROTOCOL}). It never blocks an I/O thread: when a login is needed, the request
     * continues when the login completes.
     *
     * @return {@code builder}, for chaining
     */
    public HttpAsyncClientBuilder configure(HttpAsyncClientBuilder builder) {
        return builder.addExecInterceptorBefore(ChainElement.PROTOCOL.name(), HANDLER_NAME, asyncHandler)
                .addExecInterceptorFirst(ERROR_HANDLER_NAME, asyncErrors);
    }

    /**
     * Wraps a classic client that is already built. The result delegates every {@code execute}
     * overload (with or without response handler) and {@code close()} to {@code client} and adds the
     * token. Prefer {@link #configure(HttpClientBuilder)} where you can; a wrapper sees each request
     * once, before the client's own chain, so:
     * <ul>
     *   <li>the scope is judged for the first target only. The token travels in the request itself
     *       for the duration of the call, so HttpClient copies it to redirect hops; its default
     *       redirect strategy then refuses redirects to another scheme, host or port and returns the
     *       3xx to you (a configured client follows them, without the token), and follows same-origin
     *       redirects with the token. A custom redirect strategy that allows every redirect would let
     *       the token follow it: do not wrap such a client;</li>
     *   <li>a request with a non-repeatable body is never replayed after a 401 (a configured client
     *       replays it when the body was not consumed yet); you get the 401, the next request gets the
     *       new token;</li>
     *   <li>there is no async wrapper: configure the async builder.</li>
     * </ul>
     * The request object you pass is left as it came in: the token is removed again when the call
     * returns.
     */
    public CloseableHttpClient wrap(CloseableHttpClient client) {
        return new TokenAttachingHttpClient(Objects.requireNonNull(client, "client"), access);
    }

    /**
     * Opts the requests executed with {@code context} out: they go without the token.
     *
     * @return {@code context}, for chaining
     */
    public static <C extends HttpContext> C skipToken(C context) {
        context.setAttribute(SKIP_ATTRIBUTE, Boolean.TRUE);
        return context;
    }

    /** The token source this keeper takes its tokens from. */
    public TokenSource tokenSource() {
        return access.tokens();
    }

    /** The targets that may receive the token. */
    public TargetScope targetScope() {
        return access.policy().scope();
    }

    /** This keeper's counters (replays, …) with the token source's (logins, refreshes, …). */
    public TokenKeeperStats stats() {
        return access.counters().snapshot(access.tokens().stats());
    }

    /** Closes the token source if this keeper owns it; otherwise does nothing. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsTokenSource) {
            access.tokens().close();
        }
    }

    @Override
    public String toString() {
        return "TokenKeeper[" + access.policy().scope() + ", " + access.tokens() + "]";
    }
}
