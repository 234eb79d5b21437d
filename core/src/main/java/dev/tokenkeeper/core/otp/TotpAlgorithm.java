package dev.tokenkeeper.core.otp;

import java.util.Locale;
import java.util.Optional;

/** The HMAC functions RFC 6238 allows. */
public enum TotpAlgorithm {
    /** HMAC-SHA1: the default, and what nearly every authenticator uses. */
    SHA1("HmacSHA1"),
    /** HMAC-SHA256. */
    SHA256("HmacSHA256"),
    /** HMAC-SHA512. */
    SHA512("HmacSHA512");

    private final String macName;

    TotpAlgorithm(String macName) {
        this.macName = macName;
    }

    /** The JCA name of the MAC, such as {@code HmacSHA1}. */
    public String macName() {
        return macName;
    }

    /**
     * Parses the {@code algorithm} parameter of an otpauth URI: {@code SHA1}, {@code SHA256},
     * {@code SHA512}, case-insensitive, with or without a dash ({@code SHA-256}).
     */
    public static Optional<TotpAlgorithm> parse(String text) {
        String normalized = text.strip().toUpperCase(Locale.ROOT).replace("-", "");
        for (TotpAlgorithm algorithm : values()) {
            if (algorithm.name().equals(normalized)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
