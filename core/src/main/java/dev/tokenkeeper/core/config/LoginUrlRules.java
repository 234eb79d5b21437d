package dev.tokenkeeper.core.config;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.http.SafeUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a login URL must be: absolute, https (plain http only to a loopback host when explicitly
 * allowed), without user info. Messages never repeat a URL that failed to parse or carries user info,
 * since either may hold a password.
 */
final class LoginUrlRules {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private LoginUrlRules() {
    }

    static URI parse(ConfigKey key, String text, boolean allowHttpLoopback) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(key.key(), key + " is not a valid URL (" + e.getReason()
                    + " at index " + e.getIndex() + "). Expected an absolute https URL such as "
                    + "https://identity.eu1.coldstream.diabatix.com/account/login.");
        }
        return check(key, uri, allowHttpLoopback);
    }

    static URI check(ConfigKey key, URI uri, boolean allowHttpLoopback) {
        if (uri.getRawUserInfo() != null) {
            throw new InvalidConfigurationException(key.key(), key + " contains user info (user:password@). "
                    + "Credentials never go in a URL: set " + ConfigKey.LOGIN_USERNAME + " and " + ConfigKey.LOGIN_PASSWORD + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidConfigurationException(key.key(), key + " must be an absolute https URL with a host, "
                    + "such as https://identity.eu1.coldstream.diabatix.com/account/login; was " + SafeUrls.withoutQuery(uri) + ".");
        }
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new InvalidConfigurationException(key.key(), key + " uses plain http (" + SafeUrls.withoutQuery(uri)
                        + "): the password must travel over https. Plain http is accepted only for a loopback host "
                        + "(127.0.0.1, ::1, localhost) with " + ConfigKey.TARGET_ALLOW_HTTP_LOOPBACK + "=true.");
            }
            if (!allowHttpLoopback) {
                throw new InvalidConfigurationException(key.key(), key + " uses plain http to the loopback host "
                        + uri.getHost() + ". That is refused unless " + ConfigKey.TARGET_ALLOW_HTTP_LOOPBACK
                        + "=true (for tests and local development only); otherwise use https.");
            }
        }
        return uri;
    }

    /** The OTP URL {@code protocol.md} implies: the login URL's path + {@code /otp}. */
    static URI defaultOtpUrl(URI loginUrl) {
        String path = loginUrl.getRawPath() == null ? "" : loginUrl.getRawPath();
        String otpPath = path.endsWith("/") ? path + "otp" : path + "/otp";
        return URI.create(loginUrl.getScheme() + "://" + loginUrl.getRawAuthority() + otpPath
                + (loginUrl.getRawQuery() == null ? "" : "?" + loginUrl.getRawQuery()));
    }

    /** Loopback by its literal form only: no DNS lookup at configuration time. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
