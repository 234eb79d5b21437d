package dev.tokenkeeper.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protected resource API: {@code /api/echo/**} (any method; echoes the request and the token's claims)
 * and {@code /api/status/{code}} (answers that status). Both demand {@code Authorization: Bearer <token>}
 * valid right now on the server's clock.
 */
final class ProtectedApi implements HttpHandler {

    static final String ECHO = "/api/echo";
    static final String STATUS = "/api/status/";
    /** API bodies are read (to measure them) up to this size; larger ones get 413. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String REALM = "Bearer realm=\"tokenkeeper-testkit\"";

    private final IdentityServer.State state;

    ProtectedApi(IdentityServer.State state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        boolean echo = path.equals(ECHO) || path.startsWith(ECHO + "/");
        if (!echo && !path.startsWith(STATUS)) {
            Exchanges.sendJson(exchange, 404, Map.of("error", "not_found"));
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        TokenIssuer.Verdict verdict = judge(authorization);
        state.counters.apiCall(verdict.outcome(), authorization);
        if (verdict.outcome() != ApiOutcome.OK) {
            String challenge = verdict.outcome() == ApiOutcome.MISSING_TOKEN ? REALM
                    : REALM + ", error=\"invalid_token\", error_description=\"" + verdict.reason() + "\"";
            exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
            Exchanges.sendJson(exchange, 401, Map.of("error", "invalid_token", "error_description", verdict.reason()));
            return;
        }
        if (echo) {
            echo(exchange, verdict);
        } else {
            status(exchange, path.substring(STATUS.length()));
        }
    }

    private TokenIssuer.Verdict judge(String authorization) {
        if (authorization == null) {
            return new TokenIssuer.Verdict(ApiOutcome.MISSING_TOKEN, null, null, "no bearer token");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new TokenIssuer.Verdict(ApiOutcome.INVALID_TOKEN, null, null, "not a Bearer authorization");
        }
        return state.issuer.check(authorization.substring(7).trim());
    }

    private static void echo(HttpExchange exchange, TokenIssuer.Verdict verdict) throws IOException {
        int bodyLength;
        try {
            bodyLength = Exchanges.readBody(exchange, MAX_BODY_BYTES).length;
        } catch (Exchanges.BodyTooLargeException e) {
            Exchanges.sendJson(exchange, 413, Map.of("error", "body_too_large"));
            return;
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", exchange.getRequestURI().getRawPath());
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("bodyLength", bodyLength);
        echo.put("sub", verdict.subject());
        echo.put("jti", verdict.jti());
        Exchanges.sendJson(exchange, 200, echo);
    }

    private static void status(HttpExchange exchange, String code) throws IOException {
        int status;
        try {
            status = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            status = -1;
        }
        if (status < 200 || status > 599) {
            Exchanges.sendJson(exchange, 400, Map.of("error", "bad_status", "message", "use /api/status/200..599"));
            return;
        }
        Exchanges.sendJson(exchange, status, Map.of("status", status));
    }
}
