package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import java.util.Locale;

/**
 * One entry of the target allow-list: an exact host name ({@code api.example.com}) or a wildcard
 * ({@code *.example.com}, any depth of sub-domain, not the domain itself), each with an optional port
 * ({@code api.example.com:8443}). Without a port every port matches. Comparison ignores case and a
 * trailing dot.
 */
final class HostPattern {

    /** Configuration key named in validation errors. */
    static final String KEY = "tokenkeeper.target.hosts";

    private static final int ANY_PORT = -1;

    private final String text;
    /** Lower-case host, or for a wildcard the suffix including its leading dot ({@code .example.com}). */
    private final String host;
    private final boolean wildcard;
    private final int port;

    private HostPattern(String text, String host, boolean wildcard, int port) {
        this.text = text;
        this.host = host;
        this.wildcard = wildcard;
        this.port = port;
    }

    /** Exactly {@code host}, on {@code port} or on any port when {@code port < 0}. */
    static HostPattern exact(String host, int port) {
        String normalized = normalizeHost(host);
        return new HostPattern(port < 0 ? normalized : authority(normalized, port), normalized, false, port < 0 ? ANY_PORT : port);
    }

    /** Every sub-domain of {@code domain}, on {@code port} or on any port when {@code port < 0}. */
    static HostPattern subdomainsOf(String domain, int port) {
        String normalized = normalizeHost(domain);
        String pattern = "*." + normalized;
        return new HostPattern(port < 0 ? pattern : pattern + ":" + port, "." + normalized, true, port < 0 ? ANY_PORT : port);
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code *.domain}, {@code *.domain:port}, or an IPv6 literal,
     * bare ({@code ::1}) or in brackets with an optional port ({@code [::1]:8443}).
     *
     * @throws InvalidConfigurationException naming {@value #KEY} and the accepted forms
     */
    static HostPattern parse(String entry) {
        String text = entry == null ? "" : entry.trim();
        if (text.isEmpty()) {
            throw invalid("an entry is empty");
        }
        if (text.contains("/") || text.contains("@") || text.contains("?") || text.contains("#")) {
            throw invalid("'" + text + "' is not a host name: give hosts without scheme, user or path");
        }
        String hostPart = text;
        int port = ANY_PORT;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw invalid("'" + text + "' opens an IPv6 literal with '[' but does not close it");
            }
            hostPart = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw invalid("'" + text + "' has unexpected text after the IPv6 literal");
                }
                port = parsePort(text, rest.substring(1));
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon >= 0 && text.indexOf(':') != colon) {
                // several colons: a bare IPv6 literal (no port possible without brackets)
                if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    throw invalid("'" + text + "' is neither a host name nor an IPv6 address; write IPv6 with a port in brackets, e.g. [::1]:8443");
                }
                return exact(text, ANY_PORT);
            }
            if (colon >= 0) {
                hostPart = text.substring(0, colon);
                port = parsePort(text, text.substring(colon + 1));
            }
        }
        if (hostPart.startsWith("*.")) {
            String domain = hostPart.substring(2);
            checkLabels(text, domain);
            if (normalizeHost(domain).indexOf('.') < 0) {
                throw invalid("'" + text + "' would match every host under a top-level domain; name at least two labels, e.g. *.example.com");
            }
            return subdomainsOf(domain, port);
        }
        if (hostPart.contains("*")) {
            throw invalid("'" + text + "' uses '*' other than as a leading '*.' label; accepted: *.example.com");
        }
        if (!hostPart.contains(":")) {
            checkLabels(text, hostPart);
        }
        return exact(hostPart, port);
    }

    /** Whether this pattern admits {@code hostName} on {@code port}. Allocation-free: it runs on every request. */
    boolean matches(String hostName, int port) {
        if (this.port != ANY_PORT && this.port != port) {
            return false;
        }
        int start = 0;
        int end = hostName.length();
        if (end > 1 && hostName.charAt(0) == '[' && hostName.charAt(end - 1) == ']') {
            start = 1; // an IPv6 literal as it appears in a URI
            end--;
        }
        if (end > start && hostName.charAt(end - 1) == '.') {
            end--; // "api.example.com." is the same host as "api.example.com"
        }
        int length = end - start;
        if (wildcard) {
            // the suffix starts with '.', so "example.com" itself and "badexample.com" do not match
            return length > host.length() && hostName.regionMatches(true, end - host.length(), host, 0, host.length());
        }
        return length == host.length() && hostName.regionMatches(true, start, host, 0, length);
    }

    @Override
    public String toString() {
        return text;
    }

    static String normalizeHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String authority(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static void checkLabels(String text, String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty()) {
            throw invalid("'" + text + "' has no host name");
        }
        for (String label : h.split("\\.", -1)) {
            if (label.isEmpty() || !label.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw invalid("'" + text + "' is not a valid host name");
            }
        }
    }

    private static int parsePort(String text, String digits) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid("'" + text + "' has an invalid port; use a number from 1 to 65535 or leave it out for any port");
    }

    private static InvalidConfigurationException invalid(String problem) {
        return new InvalidConfigurationException(KEY, KEY + ": " + problem + ". Accepted forms, comma-separated: "
                + "api.example.com, api.example.com:8443, *.example.com, *.example.com:443, [::1]:8443");
    }
}
