package dev.tokenkeeper.core.http;

import java.net.URI;

/** Shows URLs in logs and messages without user info, query or fragment, which could carry secrets. */
public final class SafeUrls {

    private SafeUrls() {
    }

    /** {@code scheme://host:port/path}, without user info, query or fragment. */
    public static String withoutQuery(URI uri) {
        StringBuilder s = new StringBuilder();
        if (uri.getScheme() != null) {
            s.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            s.append(uri.getHost());
            if (uri.getPort() >= 0) {
                s.append(':').append(uri.getPort());
            }
        }
        if (uri.getRawPath() != null) {
            s.append(uri.getRawPath());
        }
        return s.toString();
    }

    /** {@code host:port} where the connection goes, with the scheme's default port filled in. */
    public static String hostAndPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        return uri.getHost() + ":" + port;
    }
}
