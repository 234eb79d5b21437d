package dev.tokenkeeper.core.config;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates the hosts that may receive the token: exact host names or IP literals, and {@code *.}
 * wildcards that cover at least a registrable-looking domain ({@code *.example.com}, not {@code *.com}).
 * Entries are normalised to lower case, IPv6 literals without brackets.
 */
final class TargetHosts {

    static final String ACCEPTED_FORMS = "a comma-separated list of host names (api.example.com), IP addresses "
            + "(127.0.0.1, ::1) and wildcards (*.eu1.example.com, matching any host below that domain)";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    private TargetHosts() {
    }

    static List<String> parseList(String text) {
        List<String> entries = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                entries.add(part);
            }
        }
        return validate(entries);
    }

    static List<String> validate(Collection<String> hosts) {
        List<String> result = new ArrayList<>();
        for (String host : hosts) {
            result.add(validateOne(host));
        }
        return List.copyOf(result);
    }

    private static String validateOne(String entry) {
        String h = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":")) {
            if (IPV6.matcher(h).matches()) {
                return h;
            }
            throw invalid(entry, "is not a host name (ports and URLs do not belong here)");
        }
        boolean wildcard = h.startsWith("*.");
        String domain = wildcard ? h.substring(2) : h;
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(entry, label.contains("*")
                        ? "has a wildcard other than one leading '*.'"
                        : "is not a valid host name");
            }
        }
        if (wildcard && labels.length < 2) {
            throw invalid(entry, "is a wildcard over a whole top-level domain, which would send the token to any "
                    + "site under it; name at least two labels after '*.'");
        }
        return h;
    }

    private static InvalidConfigurationException invalid(String entry, String problem) {
        return new InvalidConfigurationException(ConfigKey.TARGET_HOSTS.key(), ConfigKey.TARGET_HOSTS + ": the entry '"
                + (entry == null ? "" : entry.strip()) + "' " + problem + ". Expected " + ACCEPTED_FORMS + ".");
    }
}
