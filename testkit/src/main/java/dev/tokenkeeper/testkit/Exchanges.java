package dev.tokenkeeper.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Small helpers for reading and answering JDK {@link HttpExchange}s. */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** Thrown by {@link #readBody} when a body is larger than allowed; the caller answers 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(int limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    /** Reads the whole request body, refusing more than {@code limit} bytes. */
    static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > limit) {
                    throw new BodyTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", toJson(body));
    }

    static void sendText(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a complete response; statuses and methods that carry no body send none. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        if (contentType != null && !noBody) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        // -1 = no body; otherwise a fixed Content-Length (0 would mean chunked to the JDK server).
        exchange.sendResponseHeaders(status, noBody || body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Sends a JSON answer whose body goes out one byte at a time, calling {@code between} after each byte (it
     * waits, and answers false to stop: the server is closing). The headers announce the full length.
     */
    static void sendTrickled(HttpExchange exchange, int status, byte[] body, BooleanSupplier between) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte b : body) {
                out.write(b);
                out.flush();
                if (!between.getAsBoolean()) {
                    return;
                }
            }
        }
    }

    /** Best effort 500 after a handler bug; fails silently when the headers were already sent. */
    static void tryServerError(HttpExchange exchange) {
        try {
            sendJson(exchange, 500, Map.of("error", "testkit_bug", "message", "see the test log"));
        } catch (IOException | RuntimeException ignored) {
            // The response had started; closing the exchange is all that is left.
        }
    }

    static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a testkit response", e);
        }
    }

    /** Parses a JSON body; {@code null} when it is not JSON at all. */
    static JsonNode parseJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The decoded query parameters, in order; an absent query gives an empty map. */
    static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
