package dev.tokenkeeper.core.config;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations of the configuration: {@code 250ms}, {@code 90s}, {@code 5m}, {@code 1h}, or ISO-8601 {@code PT90S}. */
public final class Durations {

    /** The accepted forms, for error messages and documentation. */
    public static final String ACCEPTED_FORMS = "a whole number with a unit (250ms, 90s, 5m, 1h) or an ISO-8601 "
            + "duration (PT90S, PT1M30S)";

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,15})\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses {@code text} as a duration of zero or more.
     *
     * @param key  the configuration key, named in errors
     * @param text the value
     * @throws InvalidConfigurationException when {@code text} is none of the accepted forms or negative
     */
    public static Duration parse(String key, String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new InvalidConfigurationException(key, key + " is empty. Expected " + ACCEPTED_FORMS + ".");
        }
        Matcher m = WITH_UNIT.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (value.length() > 1 && (value.charAt(0) == 'P' || value.charAt(0) == 'p')) {
            try {
                Duration d = Duration.parse(value);
                if (d.isNegative()) {
                    throw new InvalidConfigurationException(key, key + " is negative (" + value + "). Expected "
                            + ACCEPTED_FORMS + ".");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new InvalidConfigurationException(key, key + " is not a valid ISO-8601 duration (" + value
                        + "). Expected " + ACCEPTED_FORMS + ".");
            }
        }
        String hint = value.chars().allMatch(Character::isDigit) ? " (a unit is required: 90 is ambiguous)" : "";
        throw new InvalidConfigurationException(key, key + " is not a duration (" + value + ")" + hint
                + ". Expected " + ACCEPTED_FORMS + ".");
    }

    /** Formats {@code d} in the short form the parser accepts, for messages and documentation. */
    public static String format(Duration d) {
        if (d.toNanosPart() % 1_000_000 == 0) {
            long ms = d.toMillis();
            if (ms % 3_600_000 == 0 && ms != 0) {
                return ms / 3_600_000 + "h";
            }
            if (ms % 60_000 == 0 && ms != 0) {
                return ms / 60_000 + "m";
            }
            if (ms % 1_000 == 0) {
                return ms / 1_000 + "s";
            }
            return ms + "ms";
        }
        return d.toString();
    }
}
