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
    /** The login URL the default scope derives from, or {@code null}. */
    private final URI loginUrl;
    /** The login endpoints (password step, OTP step) that never receive the token. */
    private final List<LoginEndpoint> loginEndpoints;
    private final boolean defaulted;
    private final AtomicBoolean defaultAnnounced = new AtomicBoolean();

    private TargetScope(List<HostPattern> patterns, boolean allowHttpLoopback, URI loginUrl, List<URI> loginEndpoints,
                        boolean defaulted) {
        this.patterns = List.copyOf(patterns);
        this.allowHttpLoopback = allowHttpLoopback;
        this.loginUrl = loginUrl;
        this.loginEndpoints = loginEndpoints.stream().map(LoginEndpoint::new).collect(Collectors.toUnmodifiableList());
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
        return forLogin(loginUrl, null, hosts, allowHttpLoopback);
    }

    /**
     * Like {@link #forLoginUrl}, for a login whose one-time code step lives at {@code otpUrl}, which
     * never receives the token either ({@code null} when it lies below the login URL, the default).
     */
    public static TargetScope forLogin(URI loginUrl, URI otpUrl, List<String> hosts, boolean allowHttpLoopback) {
        Objects.requireNonNull(loginUrl, "loginUrl");
        requireAbsolute(loginUrl, "tokenkeeper.login.url");
        List<URI> endpoints = otpUrl == null ? List.of(loginUrl) : List.of(loginUrl, requireAbsolute(otpUrl, "tokenkeeper.login.otp-url"));
        if (hosts == null || hosts.isEmpty()) {
            return new TargetScope(List.of(defaultPattern(loginUrl)), allowHttpLoopback, loginUrl, endpoints, true);
        }
        return new TargetScope(parseAll(hosts), allowHttpLoopback, loginUrl, endpoints, false);
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
        return new TargetScope(parseAll(hosts), allowHttpLoopback, null, List.of(), false);
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
        if (!allows(target)) {
            return false;
        }
        for (LoginEndpoint endpoint : loginEndpoints) {
            if (endpoint.matches(target, path)) {
                return false;
            }
        }
        return true;
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

    private static URI requireAbsolute(URI url, String key) {
        if (url.getHost() == null || url.getScheme() == null) {
            throw new InvalidConfigurationException(key,
                    key + " must be an absolute URL with a host, e.g. https://identity.example.com/account/login");
        }
        return url;
    }

    private static int defaultPort(String scheme) {
        return URIScheme.HTTPS.same(scheme) ? 443 : 80;
    }

    /** A login URL's host, port and path; the path and everything below it (such as {@code /otp}) match. */
    private static final class LoginEndpoint {
        private final HostPattern host;
        private final String path;

        LoginEndpoint(URI url) {
            this.host = HostPattern.exact(url.getHost(), url.getPort() >= 0 ? url.getPort() : defaultPort(url.getScheme()));
            String p = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            this.path = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        }

        /** Allocation-free: it runs on every request in scope. */
        boolean matches(HttpHost target, String requestPath) {
            if (requestPath == null || !requestPath.startsWith(path)) {
                return false;
            }
            int port = target.getPort() >= 0 ? target.getPort() : defaultPort(target.getSchemeName());
            if (!host.matches(target.getHostName(), port)) {
                return false;
            }
            int query = requestPath.indexOf('?');
            int length = query >= 0 ? query : requestPath.length();
            return length == path.length() || (requestPath.charAt(path.length()) == '/' && !path.equals("/"));
        }
    }
}
