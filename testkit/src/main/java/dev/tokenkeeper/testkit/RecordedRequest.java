package dev.tokenkeeper.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request a {@link RecordingServer} received.
 *
 * @param method  the HTTP method
 * @param path    the raw request target: the path and, when present, {@code ?query}
 * @param headers every request header; keys compare case-insensitively; unmodifiable
 * @param body    the request body (bounded by the server); a copy is returned
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

    private static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie");

    /** Copies everything, so a record cannot change after the fact. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), RecordedRequest::concat));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** The first value of header {@code name} (case-insensitive), or {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedRequest r && method.equals(r.method) && path.equals(r.path)
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, headers, Arrays.hashCode(body));
    }

    /**
     * Shows the request with the values of credential headers ({@code Authorization},
     * {@code Proxy-Authorization}, {@code Cookie}) redacted to their length: a token must not end up in a
     * test report.
     */
    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> shown.put(name, SENSITIVE.contains(name.toLowerCase(Locale.ROOT))
                ? values.stream().map(v -> "<redacted " + v.length() + " chars>").toList() : values));
        return "RecordedRequest[" + method + " " + path + ", headers=" + shown + ", body=" + body.length + " bytes]";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
