package dev.tokenkeeper.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A login-step request as read by the server, with the protocol checks of {@code protocol.md} applied. Every
 * client mistake is recorded as a violation in the {@link ServerCounters}; those that make the request
 * unusable also set {@link #problem()}, the answer the server gives instead of a login.
 */
final class LoginRequest {

    /** Login bodies are small; anything bigger is refused with 413. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** A random identityToken of 120 bits is 20+ characters in hex or base64url. */
    static final int MIN_IDENTITY_TOKEN_CHARS = 20;

    private static final Set<String> PASSWORD_PARAMETER_NAMES = Set.of("password", "passwd", "pwd", "pass");

    private final LoginStep step;
    private final ServerCounters counters;
    private String identityToken;
    private JsonNode body;
    private LoginReply problem;

    private LoginRequest(LoginStep step, ServerCounters counters) {
        this.step = step;
        this.counters = counters;
    }

    /**
     * Reads and checks the request.
     *
     * @param isAccessToken recognises this server's access tokens, to catch one sent as identityToken
     */
    static LoginRequest read(HttpExchange exchange, LoginStep step, UserDirectory users, ServerCounters counters,
                             Predicate<String> isAccessToken) throws IOException {
        LoginRequest request = new LoginRequest(step, counters);
        request.check(exchange, users, isAccessToken);
        return request;
    }

    /** The Authorization value used as identityToken, or {@code null} when unusable. */
    String identityToken() {
        return identityToken;
    }

    /** The answer to give instead of processing the login, or {@code null} when the request is usable. */
    LoginReply problem() {
        return problem;
    }

    /** A text field of the JSON body; present whenever {@link #problem()} is null. */
    String field(String name) {
        return body.get(name).asText();
    }

    private void check(HttpExchange exchange, UserDirectory users, Predicate<String> isAccessToken)
            throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            refuse(405, "method_not_allowed", exchange.getRequestMethod() + " on the login endpoint; use POST");
        }
        checkQuery(exchange.getRequestURI().getRawQuery(), users);
        checkIdentityToken(exchange.getRequestHeaders().getFirst("Authorization"), isAccessToken);
        checkContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
        checkAccept(exchange.getRequestHeaders().getFirst("Accept"));
        readBody(exchange);
    }

    private void checkQuery(String rawQuery, UserDirectory users) {
        Map<String, List<String>> params = Exchanges.queryParameters(rawQuery);
        List<String> all = new ArrayList<>(params.keySet());
        params.values().forEach(all::addAll);
        boolean namedPassword = params.keySet().stream()
                .anyMatch(n -> PASSWORD_PARAMETER_NAMES.contains(n.toLowerCase(Locale.ROOT)));
        if (namedPassword || users.containsAnyPassword(all)) {
            refuse(400, "password_in_url", "a password was sent in the query string; send it in the POST body");
        }
    }

    private void checkIdentityToken(String authorization, Predicate<String> isAccessToken) {
        if (authorization == null || authorization.isBlank()) {
            refuse(400, "missing_identity_token", "missing identityToken (Authorization header)");
            return;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(400, "bearer_on_login", "a Bearer token was sent to the login endpoint; the Authorization "
                    + "header of a login carries the bare random identityToken");
            return;
        }
        if (isAccessToken.test(authorization)) {
            refuse(400, "access_token_as_identity_token", "an access token was sent as identityToken; "
                    + "the identityToken must be fresh random data");
            return;
        }
        if (authorization.length() < MIN_IDENTITY_TOKEN_CHARS) {
            violation("identityToken too short (" + authorization.length() + " characters; expected random "
                    + "data of at least " + MIN_IDENTITY_TOKEN_CHARS + ")");
        }
        identityToken = authorization;
        if (step == LoginStep.PASSWORD && !counters.identityTokenSeen(authorization)) {
            violation("identityToken reused: it was already sent by an earlier login; make a new one per login");
        }
    }

    private void checkContentType(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            refuse(415, "unsupported_media_type", "wrong content type '" + contentType
                    + "'; send application/json or application/*+json");
        }
    }

    private void checkAccept(String accept) {
        if (accept == null) {
            violation("no Accept header; send Accept: application/json");
            return;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")
                    || type.endsWith("+json")) {
                return;
            }
        }
        violation("Accept '" + accept + "' does not accept JSON; send Accept: application/json");
    }

    private void readBody(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try {
            bytes = Exchanges.readBody(exchange, MAX_BODY_BYTES);
        } catch (Exchanges.BodyTooLargeException e) {
            refuse(413, "body_too_large", "login body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        body = Exchanges.parseJson(bytes);
        if (body == null || !body.isObject()) {
            body = null;
            refuse(400, "malformed_body", "the login body is not a JSON object");
            return;
        }
        List<String> required = step == LoginStep.PASSWORD ? List.of("email", "password") : List.of("otp", "mfaToken");
        for (String name : required) {
            JsonNode value = body.get(name);
            if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                refuse(400, "missing_field", "the login body has no text field '" + name + "'");
            }
        }
    }

    /** Records a violation and keeps the first refusal as the answer. */
    private void refuse(int status, String code, String message) {
        violation(message);
        if (problem == null) {
            problem = LoginReply.error(status, code, message);
        }
    }

    private void violation(String message) {
        counters.violation(step + " step: " + message);
    }
}
