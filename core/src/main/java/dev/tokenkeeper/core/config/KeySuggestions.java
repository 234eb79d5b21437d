package dev.tokenkeeper.core.config;

import java.util.Optional;

/** Finds the known key an unknown one was probably meant to be ("did you mean ...?"). */
final class KeySuggestions {

    private static final int MAX_DISTANCE = 3;

    private KeySuggestions() {
    }

    static Optional<ConfigKey> nearest(String unknown) {
        ConfigKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey key : ConfigKey.values()) {
            int d = distance(unknown, key.key());
            if (d < bestDistance) {
                best = key;
                bestDistance = d;
            }
        }
        if (bestDistance <= MAX_DISTANCE) {
            return Optional.ofNullable(best);
        }
        // tokenkeeper.username for tokenkeeper.login.username: the same last segment in another section.
        String lastSegment = unknown.substring(unknown.lastIndexOf('.') + 1);
        for (ConfigKey key : ConfigKey.values()) {
            if (key.key().endsWith("." + lastSegment)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
