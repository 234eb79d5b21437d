package dev.tokenkeeper.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/redirect?status=302&to=<url-encoded URL>}: unprotected; answers a redirect to {@code to} (an
 * absolute URL or a path on this server) and records the {@code Authorization} it received, so tests can see
 * where a client sent its token along a redirect chain.
 */
final class RedirectEndpoint implements HttpHandler {

    static final String PATH = "/api/redirect";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final ServerCounters counters;

    RedirectEndpoint(ServerCounters counters) {
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        counters.redirectCall(exchange.getRequestHeaders().getFirst("Authorization"));
        Map<String, List<String>> query = Exchanges.queryParameters(exchange.getRequestURI().getRawQuery());
        String to = first(query, "to");
        int status = parse(first(query, "status"));
        if (to == null || to.isEmpty() || !REDIRECTS.contains(status)) {
            Exchanges.sendJson(exchange, 400, Map.of("error", "bad_redirect",
                    "message", "use /api/redirect?status=301|302|303|307|308&to=<url-encoded URL>"));
            return;
        }
        exchange.getResponseHeaders().set("Location", to);
        Exchanges.send(exchange, status, null, new byte[0]);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null ? null : values.get(0);
    }

    private static int parse(String status) {
        if (status == null) {
            return 302;
        }
        try {
            return Integer.parseInt(status);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
