package dev.tokenkeeper.httpclient5;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which targets may receive the access token: the only thing standing between the token and a
 * redirect to someone else's server, so it is checked on every hop.
 *
 * <p>A target is in scope when all of these hold:
 * <ul>
 *   <li>its host matches an entry of the allow-list: an exact name ({@code api.example.com}) or a
 *       wildcard ({@code *.example.com}: any sub-domain at any depth, not {@code example.com} itself),
 *       case-insensitive, optionally with a port ({@code api.example.com:8443}; without one any port
 *       matches);</li>
 *   <li>it is reached over {@code https}, or over {@code http} on a loopback address
 *       ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) when {@code allowHttpLoopback} is on,
 *       which exists for tests and local development;</li>
 *   <li>it is not the login endpoint: the login request never carries a bearer token.</li>
 * </ul>
 *
 * <p>When no hosts are given, the scope defaults to the login host's parent domain (a login at
 * {@code identity.eu1.example.com} admits {@code *.eu1.example.com}), or to exactly the login host when
 * it is an IP address, {@code localhost}, or has fewer than three labels, in both cases with the login
 * URL's port if it names one. That choice is logged once, at INFO, on first use.
 *
 * <p>Instances are immutable apart from that one-time log flag, and safe to share.
 */
public final class TargetScope {

    private static final Logger LOG = LoggerFactory.getLogger(TargetScope.class);

    private final List<HostPattern> patterns;
    private final boolean allowHttpLoopback;
    private final URI loginUrl;
    /** The login endpoint's host and port, or {@code null} without a login URL. */
    private final HostPattern loginHost;
    private final String loginPath;
    private final boolean defaulted;
    private final AtomicBoolean defaultAnnounced = new AtomicBoolean();

    private TargetScope(List<HostPattern> patterns, boolean allowHttpLoopback, URI loginUrl, boolean defaulted) {
        this.patterns = List.copyOf(patterns);
        this.allowHttpLoopback = allowHttpLoopback;
        this.loginUrl = loginUrl;
        this.loginHost = loginUrl == null ? null : HostPattern.exact(loginUrl.getHost(), defaultedPort(loginUrl));
        this.loginPath = loginUrl == null ? null : loginPathOf(loginUrl);
        this.defaulted = defaulted;
    }

    /**
     * The scope for a token obtained from {@code loginUrl}.
     *
     * @param loginUrl          the login endpoint; requests to it never get the token, and its host
     *                          gives the default scope
     * @param hosts             allow-list entries ({@code api.example.com}, {@code *.example.com},
     *                          {@code host:port}); empty or {@code null} for the default
     * @param allowHttpLoopback whether plain {@code http} to a loopback address may carry the token
     * @throws InvalidConfigurationException when an entry or the login URL is malformed
     */
    public static TargetScope forLoginUrl(URI loginUrl, List<String> hosts, boolean allowHttpLoopback) {
        Objects.requireNonNull(loginUrl, "loginUrl");
        if (loginUrl.getHost() == null || loginUrl.getScheme() == null) {
            throw new InvalidConfigurationException("tokenkeeper.login.url",
                    "tokenkeeper.login.url must be an absolute URL with a host, e.g. https://identity.example.com/account/login");
        }
        if (hosts == null || hosts.isEmpty()) {
            return new TargetScope(List.of(defaultPattern(loginUrl)), allowHttpLoopback, loginUrl, true);
        }
        return new TargetScope(parseAll(hosts), allowHttpLoopback, loginUrl, false);
    }

    /**
     * A scope from an explicit allow-list, for a token source that does not log in at a known URL.
     *
     * @throws InvalidConfigurationException when {@code hosts} is empty or an entry is malformed
     */
    public static TargetScope of(List<String> hosts, boolean allowHttpLoopback) {
        if (hosts == null || hosts.isEmpty()) {
            throw new InvalidConfigurationException(HostPattern.KEY, HostPattern.KEY
                    + " is empty: name the hosts that may receive the token, e.g. api.example.com or *.example.com");
        }
        return new TargetScope(parseAll(hosts), allowHttpLoopback, null, false);
    }

    /**
     * Whether {@code target} may receive the token (scheme, host and port are checked). Does not know
     * the request path, so it does not exclude the login endpoint; {@link #allows(HttpHost, String)} does.
     */
    public boolean allows(HttpHost target) {
        if (target == null) {
            return false;
        }
        String host = target.getHostName();
        String scheme = target.getSchemeName();
        boolean https = URIScheme.HTTPS.same(scheme);
        if (!https && !(allowHttpLoopback && URIScheme.HTTP.same(scheme) && isLoopback(host))) {
            return false;
        }
        int port = target.getPort() >= 0 ? target.getPort() : (https ? 443 : 80);
        announceDefaultOnce();
        for (HostPattern pattern : patterns) {
            if (pattern.matches(host, port)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a request for {@code path} (as in the request line, query allowed) on {@code target} may
     * carry the token: {@link #allows(HttpHost)} and not the login endpoint.
     */
    public boolean allows(HttpHost target, String path) {
        return allows(target) && !isLoginEndpoint(target, path);
    }

    /** Whether {@code uri} may receive the token; a convenience over {@link #allows(HttpHost, String)}. */
    public boolean allows(URI uri) {
        return uri.getHost() != null
                && allows(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()), uri.getRawPath());
    }

    /** The allow-list in effect, as written or as defaulted ({@code *.eu1.example.com}). */
    public List<String> hosts() {
        return patterns.stream().map(HostPattern::toString).collect(Collectors.toUnmodifiableList());
    }

    /** Whether the allow-list was derived from the login URL rather than configured. */
    public boolean isDefault() {
        return defaulted;
    }

    /** Whether plain {@code http} to loopback addresses may carry the token. */
    public boolean allowsHttpLoopback() {
        return allowHttpLoopback;
    }

    @Override
    public String toString() {
        return "TargetScope" + hosts() + (defaulted ? " (default from the login URL)" : "")
                + (allowHttpLoopback ? ", http on loopback allowed" : ", https only");
    }

    /** {@code 127.0.0.0/8}, {@code ::1} or {@code localhost}, judged by the name alone: no DNS lookup. */
    static boolean isLoopback(String host) {
        String h = HostPattern.normalizeHost(host);
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (!h.startsWith("127.")) {
            return false;
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The login path and everything below it (the OTP step lives at {@code <login>/otp}); allocation-free. */
    private boolean isLoginEndpoint(HttpHost target, String path) {
        if (loginHost == null || path == null || !path.startsWith(loginPath)) {
            return false;
        }
        int port = target.getPort() >= 0 ? target.getPort() : defaultPort(target.getSchemeName());
        if (!loginHost.matches(target.getHostName(), port)) {
            return false;
        }
        int end = path.indexOf('?');
        int length = end >= 0 ? end : path.length();
        return length == loginPath.length() || (path.charAt(loginPath.length()) == '/' && !loginPath.equals("/"));
    }

    private void announceDefaultOnce() {
        if (defaulted && !defaultAnnounced.get() && defaultAnnounced.compareAndSet(false, true)) {
            LOG.info("No target hosts configured ({}); the access token goes to {} only, derived from the login URL's host "
                    + "{}. Set {} to change this.", HostPattern.KEY, hosts(), loginUrl.getHost(), HostPattern.KEY);
        }
    }

    private static HostPattern defaultPattern(URI loginUrl) {
        String host = HostPattern.normalizeHost(loginUrl.getHost());
        int port = loginUrl.getPort();
        String[] labels = host.split("\\.");
        boolean ipLiteral = host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (ipLiteral || isLoopback(host) || labels.length < 3) {
            return HostPattern.exact(host, port);
        }
        return HostPattern.subdomainsOf(host.substring(host.indexOf('.') + 1), port);
    }

    private static List<HostPattern> parseAll(List<String> hosts) {
        return hosts.stream().map(HostPattern::parse).collect(Collectors.toList());
    }

    private static String loginPathOf(URI loginUrl) {
        String path = loginUrl.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static int defaultedPort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
    }

    private static int defaultPort(String scheme) {
        return URIScheme.HTTPS.same(scheme) ? 443 : 80;
    }
}
