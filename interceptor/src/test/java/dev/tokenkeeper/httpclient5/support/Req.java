package dev.tokenkeeper.httpclient5.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;

/**
 * One request as the tests describe it, independent of the client that sends it.
 *
 * @param body     {@code null} for none
 * @param streamed whether the body can be sent only once (an input stream, a one-shot producer)
 * @param context  {@code null} for a fresh context
 * @param config   a per-request configuration, or {@code null}
 */
public record Req(String method, URI uri, Map<String, String> headers, byte[] body, boolean streamed,
                  HttpClientContext context, RequestConfig config) {

    public static Req get(URI uri) {
        return new Req("GET", uri, Map.of(), null, false, null, null);
    }

    /** A POST with a repeatable JSON body. */
    public static Req post(URI uri, String json) {
        return new Req("POST", uri, Map.of(), json.getBytes(StandardCharsets.UTF_8), false, null, null);
    }

    /** A POST whose JSON body is a stream that can be read once. */
    public static Req postStreamed(URI uri, String json) {
        return new Req("POST", uri, Map.of(), json.getBytes(StandardCharsets.UTF_8), true, null, null);
    }

    public Req header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Req(method, uri, Map.copyOf(h), body, streamed, context, config);
    }

    public Req context(HttpClientContext c) {
        return new Req(method, uri, headers, body, streamed, c, config);
    }

    public Req config(RequestConfig c) {
        return new Req(method, uri, headers, body, streamed, context, c);
    }
}
