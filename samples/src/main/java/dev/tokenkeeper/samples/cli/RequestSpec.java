package dev.tokenkeeper.samples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * One request as the command line describes it, checked. Builds as many fresh HttpClient request
 * objects from it as needed (each {@code load} request gets its own; the body is repeatable, so a 401
 * can be replayed).
 *
 * @param method      upper case, such as {@code GET}
 * @param uri         absolute {@code http} or {@code https} URL without user info
 * @param headers     the headers to send, without {@code Content-Type} (which travels with the body)
 * @param body        the body, or {@code null}
 * @param contentType the body's content type, or {@code null} without a body
 */
public record RequestSpec(String method, URI uri, List<Header> headers, String body, ContentType contentType) {

    /** RFC 9110 token characters: what a method or a header name may consist of. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final ContentType DEFAULT_BODY_TYPE = ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8);

    public RequestSpec {
        headers = List.copyOf(headers);
    }

    /**
     * Checks the raw option values.
     *
     * @throws UsageException naming the option at fault and what is accepted
     */
    public static RequestSpec parse(String method, String data, List<String> rawHeaders, String url) {
        URI uri = parseUrl(url);
        List<Header> headers = new ArrayList<>();
        ContentType contentType = null;
        for (String raw : rawHeaders) {
            Header header = parseHeader(raw);
            if (header.getName().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                contentType = parseContentType(header.getValue());
            } else {
                headers.add(header);
            }
        }
        if (data == null) {
            if (contentType != null) {
                throw new UsageException("--header Content-Type is given but there is no --data to describe; add --data BODY or drop the header.");
            }
        } else if (contentType == null) {
            contentType = DEFAULT_BODY_TYPE;
        } else if (contentType.getCharset() == null) {
            contentType = contentType.withCharset(StandardCharsets.UTF_8);
        }
        return new RequestSpec(parseMethod(method, data != null), uri, headers, data, contentType);
    }

    /** A new classic request; its body (if any) is repeatable. */
    public ClassicHttpRequest toClassicRequest() {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri);
        headers.forEach(builder::addHeader);
        if (body != null) {
            builder.setEntity(new StringEntity(body, contentType));
        }
        return builder.build();
    }

    /** A new async request; its body (if any) is repeatable. */
    public SimpleHttpRequest toAsyncRequest() {
        SimpleRequestBuilder builder = SimpleRequestBuilder.create(method).setUri(uri);
        headers.forEach(builder::addHeader);
        if (body != null) {
            builder.setBody(body, contentType);
        }
        return builder.build();
    }

    private static String parseMethod(String method, boolean hasBody) {
        if (method == null) {
            return hasBody ? "POST" : "GET";
        }
        if (!TOKEN.matcher(method).matches()) {
            throw new UsageException("--method '" + method + "' is not an HTTP method; use GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.");
        }
        return method.toUpperCase(Locale.ROOT);
    }

    private static URI parseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("URL '" + url + "' is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                    + "); percent-encode spaces and special characters.", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new UsageException("URL '" + url + "' must be an absolute http(s) URL with a host, such as https://api.example.com/orders.");
        }
        if (uri.getRawUserInfo() != null) {
            // Never let a password travel in a URL (it ends up in logs and shell history).
            throw new UsageException("URL must not contain user info (user:password@); tokenkeeper logs in with the "
                    + "credentials the --config file points to.");
        }
        return uri;
    }

    private static Header parseHeader(String raw) {
        int colon = raw.indexOf(':');
        String name = colon < 0 ? raw.strip() : raw.substring(0, colon).strip();
        if (colon < 0 || !TOKEN.matcher(name).matches()) {
            throw new UsageException("--header '" + raw + "' is not NAME:VALUE with a valid header name, such as 'Accept: application/json'.");
        }
        String value = raw.substring(colon + 1).strip();
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new UsageException("--header " + name + " contains a line break or NUL; header values are one line.");
        }
        return new BasicHeader(name, value);
    }

    private static ContentType parseContentType(String value) {
        try {
            ContentType type = ContentType.parse(value);
            if (type == null || type.getMimeType().isBlank()) {
                throw new IllegalArgumentException("empty");
            }
            return type;
        } catch (RuntimeException e) {
            throw new UsageException("--header Content-Type '" + value + "' is not a media type such as application/json.", e);
        }
    }
}
