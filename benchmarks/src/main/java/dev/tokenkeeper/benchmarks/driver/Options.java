package dev.tokenkeeper.benchmarks.driver;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name=value} command-line options of a driver, with defaults and bounds. Every driver's work
 * is bounded in count and time, so every numeric option has a maximum. Unknown options are refused, so a
 * typo does not silently run the defaults.
 */
public final class Options {

    private final Map<String, String> given = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    private Options() {
    }

    /** Parses {@code --name=value} (or {@code --flag}, meaning {@code true}) arguments. */
    public static Options parse(String[] args) {
        Options options = new Options();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            options.given.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return options;
    }

    /** An integer option in {@code [min, max]}. */
    public int integer(String name, int defaultValue, int min, int max) {
        read.add(name);
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("--" + name + " must be in [" + min + ", " + max + "], got " + parsed);
        }
        return parsed;
    }

    /** A duration option in whole seconds or milliseconds ({@code 20}, {@code 20s}, {@code 500ms}), in {@code [min, max]}. */
    public Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
        read.add(name);
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        String v = value.trim();
        Duration parsed;
        try {
            parsed = v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                    : v.endsWith("s") ? Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)))
                    : Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be like 20, 20s or 500ms, got '" + value + "'");
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    /** A boolean option ({@code --https} alone means true). */
    public boolean flag(String name, boolean defaultValue) {
        read.add(name);
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** A string option, or {@code null}. */
    public String string(String name, String defaultValue) {
        read.add(name);
        return given.getOrDefault(name, defaultValue);
    }

    /** Fails on options no getter asked for. Call after reading every option. */
    public void rejectUnknown() {
        for (String name : given.keySet()) {
            if (!read.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --", read));
            }
        }
    }
}
