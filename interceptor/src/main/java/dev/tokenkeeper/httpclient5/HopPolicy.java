package dev.tokenkeeper.httpclient5;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Decides, for one hop, whether the token goes with it. Shared by the classic handler, the async
 * handler and the wrapping client, so all three ways in apply the same rules in the same order:
 * <ol>
 *   <li>the user's own {@code Authorization} wins and is left alone, even outside the scope (guarding
 *       the user's credentials on redirects is HttpClient's redirect strategy's job);</li>
 *   <li>a per-request opt-out ({@link TokenKeeper#SKIP_ATTRIBUTE}, or authentication disabled in the
 *       {@link RequestConfig}) withholds the token;</li>
 *   <li>a target outside the {@link TargetScope}, or the login endpoint, withholds the token;</li>
 *   <li>everything else gets it.</li>
 * </ol>
 */
final class HopPolicy {

    private final TargetScope scope;

    HopPolicy(TargetScope scope) {
        this.scope = scope;
    }

    TargetScope scope() {
        return scope;
    }

    /**
     * @param target  where this hop goes (for the chain handlers: the route's target host)
     * @param request the hop's request as it arrived, before tokenkeeper touched it
     * @param config  the effective request configuration, or {@code null} if none is known
     * @param context the request's context, or {@code null}
     */
    Hop decide(HttpHost target, HttpRequest request, RequestConfig config, HttpContext context) {
        if (BearerHeader.hasForeignAuthorization(request)) {
            return Hop.USER_AUTHORIZATION;
        }
        if (isOptedOut(config, context)) {
            return Hop.WITHHOLD;
        }
        return scope.allows(target, request.getPath()) ? Hop.ATTACH : Hop.WITHHOLD;
    }

    private static boolean isOptedOut(RequestConfig config, HttpContext context) {
        if (config != null && !config.isAuthenticationEnabled()) {
            return true;
        }
        return context != null && Boolean.TRUE.equals(context.getAttribute(TokenKeeper.SKIP_ATTRIBUTE));
    }
}
