package dev.tokenkeeper.httpclient5;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpStatus;

/**
 * The classic exec chain handler: attaches the token to each hop in scope and replays once after a 401.
 *
 * <p>Registered just before {@code PROTOCOL}, below {@code REDIRECT} and {@code RETRY}, so it runs for
 * the first hop, every redirect hop and every retry, each time judging that hop's own target. A
 * handler higher up would see only the first hop, and its header would be copied to every redirect
 * target by {@code RedirectExec}.
 *
 * <p>On a 401 for a request that carried our token it invalidates exactly that token
 * (compare-and-invalidate), releases the 401, restores the headers the request arrived with, attaches
 * the next token and sends the request once more, but only if it has no body or a body that can be
 * sent again ({@code ProtocolExec} has wrapped a non-repeatable body by then, so
 * {@code isRepeatable()} says whether it was consumed). A second 401 goes to the caller as it is.
 */
final class BearerExecHandler implements ExecChainHandler {

    private final TokenAccess access;

    BearerExecHandler(TokenAccess access) {
        this.access = access;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        HttpClientContext context = scope.clientContext;
        HttpHost target = scope.route.getTargetHost();
        switch (access.policy().decide(target, request, context.getRequestConfigOrDefault(), context)) {
            case ATTACH:
                return executeWithToken(request, scope, chain, target);
            case WITHHOLD:
                BearerHeader.removeFrom(request);
                access.withheld(target);
                return chain.proceed(request, scope);
            default:
                return chain.proceed(request, scope);
        }
    }

    private ClassicHttpResponse executeWithToken(
            ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain, HttpHost target)
            throws IOException, HttpException {
        // Lower layers add Content-Length & co. to this very object; a replay starts from these headers.
        Header[] arrived = request.getHeaders();
        BearerHeader sent = tokenFor(target);
        BearerHeader.attach(request, sent);
        ClassicHttpResponse response = chain.proceed(request, scope);
        if (response.getCode() != HttpStatus.SC_UNAUTHORIZED) {
            return response;
        }
        access.rejected(sent.token(), target);
        HttpEntity body = request.getEntity();
        if (body != null && !body.isRepeatable()) {
            access.counters().notReplayed.increment();
            return response; // the body is gone; the caller gets the 401, the next request the new token
        }
        ClassicResponses.discard(response);
        request.setHeaders(arrived);
        BearerHeader.attach(request, tokenFor(target));
        access.counters().replays.increment();
        return chain.proceed(request, scope); // a second 401 goes to the caller as it is
    }

    /** The current token's header; when none can be had, a signal that passes RETRY (see {@link TokenUnavailableSignal}). */
    private BearerHeader tokenFor(HttpHost target) throws TokenUnavailableSignal {
        try {
            return access.currentHeader(target);
        } catch (TokenUnavailableException e) {
            throw new TokenUnavailableSignal(e);
        }
    }
}
