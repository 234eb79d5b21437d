package dev.tokenkeeper.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** Names the headers but not their values: an Authorization value must not end up in a test report. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", headers=" + headers.keySet() + ", body="
                + body.length + " bytes]";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
