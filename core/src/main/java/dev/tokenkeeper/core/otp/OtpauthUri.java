package dev.tokenkeeper.core.otp;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.secret.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Parses {@code otpauth://totp/LABEL?secret=BASE32&algorithm=SHA1&digits=6&period=30}, the format of
 * authenticator QR codes (Google Authenticator "Key Uri Format"). Works on the {@code char[]} without
 * making a {@code String} of it, because the URI contains the secret; errors never repeat the URI.
 */
final class OtpauthUri {

    static final String FORM = "otpauth://totp/LABEL?secret=BASE32[&algorithm=SHA1|SHA256|SHA512]"
            + "[&digits=6|7|8][&period=SECONDS]";

    private static final char[] SCHEME = "otpauth://".toCharArray();

    private final String key;
    private final String origin;

    private OtpauthUri(String key, String origin) {
        this.key = key;
        this.origin = origin;
    }

    /** Whether {@code text} starts with {@code otpauth://} (any case, leading spaces ignored). */
    static boolean looksLikeUri(char[] text) {
        int start = skipSpaces(text, 0);
        return regionMatchesIgnoreCase(text, start, SCHEME);
    }

    /**
     * @param key    configuration key of the exceptions
     * @param origin where the URI was read from, such as "(tokenkeeper.login.totp-secret, read from env:X)"
     */
    static TotpKey parse(char[] text, String key, String origin) {
        return new OtpauthUri(key, origin).parse(text);
    }

    private TotpKey parse(char[] text) {
        int end = text.length;
        while (end > 0 && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        int pos = skipSpaces(text, 0);
        if (!regionMatchesIgnoreCase(text, pos, SCHEME)) {
            throw invalid("it does not start with otpauth://");
        }
        pos += SCHEME.length;
        int slash = indexOf(text, '/', pos, end);
        if (slash < 0) {
            throw invalid("it has no type (totp) followed by '/'");
        }
        String type = new String(text, pos, slash - pos).toLowerCase(Locale.ROOT);
        if (type.equals("hotp")) {
            throw invalid("it is a counter-based HOTP URI; only time-based TOTP (otpauth://totp/...) is supported");
        }
        if (!type.equals("totp")) {
            throw invalid("its type is not totp");
        }
        int query = indexOf(text, '?', slash, end);
        if (query < 0) {
            throw invalid("it has no query part with the secret parameter");
        }
        return parseQuery(text, query + 1, end);
    }

    private TotpKey parseQuery(char[] text, int from, int end) {
        TotpAlgorithm algorithm = TotpParameters.DEFAULTS.algorithm();
        int digits = TotpParameters.DEFAULTS.digits();
        Duration period = TotpParameters.DEFAULTS.period();
        int secretFrom = -1;
        int secretTo = -1;
        int pos = from;
        while (pos <= end) {
            int amp = indexOf(text, '&', pos, end);
            int paramEnd = amp < 0 ? end : amp;
            int eq = indexOf(text, '=', pos, paramEnd);
            if (paramEnd > pos) {
                if (eq < 0) {
                    throw invalid("a query parameter has no '=value'");
                }
                String name = new String(text, pos, eq - pos).toLowerCase(Locale.ROOT);
                switch (name) {
                    case "secret" -> {
                        if (secretFrom >= 0) {
                            throw invalid("it has the secret parameter twice");
                        }
                        secretFrom = eq + 1;
                        secretTo = paramEnd;
                    }
                    case "algorithm" -> algorithm = TotpAlgorithm.parse(value(text, eq + 1, paramEnd))
                            .orElseThrow(() -> invalid("its algorithm is not SHA1, SHA256 or SHA512"));
                    case "digits" -> digits = parseInt(value(text, eq + 1, paramEnd), "digits");
                    case "period" -> period = Duration.ofSeconds(parseInt(value(text, eq + 1, paramEnd), "period"));
                    default -> {
                        // issuer, image and other display parameters do not affect the codes
                    }
                }
            }
            pos = paramEnd + 1;
        }
        if (secretFrom < 0 || secretTo == secretFrom) {
            throw invalid("it has no secret parameter (or an empty one)");
        }
        TotpParameters parameters;
        try {
            parameters = new TotpParameters(algorithm, digits, period);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return new TotpKey(decodeSecret(text, secretFrom, secretTo), parameters);
    }

    /** Percent-decodes the secret into its own array (base32 is ASCII), decodes it, wipes the copy. */
    private byte[] decodeSecret(char[] text, int from, int to) {
        char[] secret = new char[to - from];
        int length = 0;
        try {
            for (int i = from; i < to; i++) {
                char c = text[i];
                if (c == '%') {
                    if (i + 2 >= to) {
                        throw invalid("the secret parameter has an incomplete %-escape");
                    }
                    int hi = Character.digit(text[i + 1], 16);
                    int lo = Character.digit(text[i + 2], 16);
                    if (hi < 0 || lo < 0) {
                        throw invalid("the secret parameter has an invalid %-escape");
                    }
                    c = (char) (hi * 16 + lo);
                    i += 2;
                }
                secret[length++] = c;
            }
            return Base32.decode(secret, 0, length);
        } catch (IllegalArgumentException e) {
            throw invalid("its secret parameter is not valid base32: " + e.getMessage());
        } finally {
            Secrets.wipe(secret);
        }
    }

    private String value(char[] text, int from, int to) {
        try {
            return URLDecoder.decode(new String(text, from, to - from), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("a parameter has an invalid %-escape");
        }
    }

    private int parseInt(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid("its " + name + " parameter is not a whole number");
        }
    }

    private InvalidConfigurationException invalid(String problem) {
        return new InvalidConfigurationException(key, "The TOTP secret " + origin
                + " is not a valid otpauth URI: " + problem + ". Expected " + FORM + ".");
    }

    private static int skipSpaces(char[] text, int pos) {
        while (pos < text.length && Character.isWhitespace(text[pos])) {
            pos++;
        }
        return pos;
    }

    private static int indexOf(char[] text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatchesIgnoreCase(char[] text, int pos, char[] expected) {
        if (text.length - pos < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (Character.toLowerCase(text[pos + i]) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
