package dev.tokenkeeper.httpclient5;

import java.io.IOException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;

/**
 * A {@link CloseableHttpClient} around one that is already built, for code that receives a client it
 * cannot configure. Every {@code execute} overload of the base class goes through
 * {@link #doExecute}, which delegates to the wrapped client's {@code executeOpen}.
 *
 * <p>What a wrapper can and cannot do (the differences from a configured builder):
 * <ul>
 *   <li>It sees the request once, before the wrapped client's chain, not each hop. The token is put
 *       into the caller's request for the duration of the call (and taken out again afterwards), so
 *       HttpClient copies it to redirect hops: its default redirect strategy then refuses a redirect
 *       to another scheme, host or port (the caller gets the 3xx), and follows same-origin redirects
 *       with the token. A custom {@code RedirectStrategy} that allows every redirect would let the
 *       token follow: use {@link TokenKeeper#configure} there.</li>
 *   <li>It cannot tell whether a non-repeatable body was consumed, so it never replays one: the caller
 *       gets the 401 and the next request gets the new token. Requests without a body or with a
 *       repeatable one are replayed once after a 401, as with the handler.</li>
 *   <li>The scope is judged on the first target only; the {@code RequestConfig} consulted for the
 *       opt-out is the request's, else the context's, else the wrapped client's default.</li>
 * </ul>
 * {@code close()} closes the wrapped client.
 */
final class TokenAttachingHttpClient extends CloseableHttpClient {

    private final CloseableHttpClient delegate;
    private final TokenAccess access;

    TokenAttachingHttpClient(CloseableHttpClient delegate, TokenAccess access) {
        this.delegate = delegate;
        this.access = access;
    }

    @Override
    protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, HttpContext context)
            throws IOException {
        HttpHost resolved = resolveTarget(target, request);
        Hop hop = access.policy().decide(resolved, request, effectiveConfig(request, context), context);
        if (hop != Hop.ATTACH) {
            if (hop == Hop.WITHHOLD) {
                access.withheld(resolved);
            }
            return CloseableHttpResponse.adapt(delegate.executeOpen(target, request, context));
        }
        Header[] arrived = request.getHeaders();
        try {
            BearerHeader sent = access.currentHeader(resolved);
            BearerHeader.attach(request, sent);
            ClassicHttpResponse response = delegate.executeOpen(target, request, context);
            if (response.getCode() != HttpStatus.SC_UNAUTHORIZED) {
                return CloseableHttpResponse.adapt(response);
            }
            access.rejected(sent.token(), resolved);
            HttpEntity body = request.getEntity();
            // The wrapped client sent a copy of the request; whether it consumed a non-repeatable body
            // cannot be seen from here, so only bodies that are repeatable by nature are sent again.
            if (body != null && !body.isRepeatable()) {
                access.counters().notReplayed.increment();
                return CloseableHttpResponse.adapt(response);
            }
            ClassicResponses.discard(response);
            request.setHeaders(arrived);
            BearerHeader.attach(request, access.currentHeader(resolved));
            access.counters().replays.increment();
            return CloseableHttpResponse.adapt(delegate.executeOpen(target, request, context));
        } finally {
            request.setHeaders(arrived); // the caller's request object leaves as it came in
        }
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public void close(CloseMode closeMode) {
        delegate.close(closeMode);
    }

    @Override
    public String toString() {
        return "TokenAttachingHttpClient[" + delegate + ", " + access.policy().scope() + "]";
    }

    private static HttpHost resolveTarget(HttpHost target, ClassicHttpRequest request) throws ClientProtocolException {
        try {
            HttpHost host = target != null ? target : RoutingSupport.determineHost(request);
            if (host == null) {
                throw new ClientProtocolException("Cannot tell the target host of " + request.getMethod()
                        + " " + request.getRequestUri() + ": give an absolute URI or a target HttpHost");
            }
            return RoutingSupport.normalize(host, DefaultSchemePortResolver.INSTANCE);
        } catch (HttpException e) {
            throw new ClientProtocolException(e.getMessage(), e);
        }
    }

    private RequestConfig effectiveConfig(ClassicHttpRequest request, HttpContext context) {
        if (request instanceof Configurable configurable && configurable.getConfig() != null) {
            return configurable.getConfig();
        }
        if (context != null) {
            RequestConfig fromContext = HttpClientContext.cast(context).getRequestConfig();
            if (fromContext != null) {
                return fromContext;
            }
        }
        return delegate instanceof Configurable configurable ? configurable.getConfig() : null;
    }
}
