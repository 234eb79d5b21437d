package dev.tokenkeeper.core.otp;

/**
 * RFC 4648 base32 decoding, as used for TOTP secrets. Tolerant of the ways people copy a secret:
 * spaces and dashes between groups, lower case, missing {@code =} padding. Works on {@code char[]} and
 * writes straight into the result array, so the secret exists in no other buffer; error messages give
 * positions, never characters.
 */
public final class Base32 {

    private Base32() {
    }

    /**
     * Decodes {@code text}.
     *
     * @return the decoded bytes; the caller wipes them after use
     * @throws IllegalArgumentException when a character is outside the alphabet (A-Z, 2-7), padding
     *                                  is misplaced, or the length cannot be base32; the message names
     *                                  the position, not the character
     */
    public static byte[] decode(char[] text) {
        return decode(text, 0, text.length);
    }

    /** Decodes {@code text[from, to)}; see {@link #decode(char[])}. */
    public static byte[] decode(char[] text, int from, int to) {
        int symbols = countSymbols(text, from, to);
        byte[] out = new byte[symbols * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = from; i < to && written < out.length; i++) {
            int value = valueOf(text[i]);
            if (value < 0) {
                continue; // a separator or padding, already validated
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >> bits);
            }
        }
        return out;
    }

    /** Validates the text and counts its base32 symbols, so the output can be sized exactly. */
    private static int countSymbols(char[] text, int from, int to) {
        int symbols = 0;
        boolean padding = false;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (isSeparator(c)) {
                continue;
            }
            if (c == '=') {
                padding = true;
                continue;
            }
            if (padding) {
                throw new IllegalArgumentException("base32 text continues after '=' padding at position "
                        + (i - from + 1) + "; padding may only end the text");
            }
            if (valueOf(c) < 0) {
                throw new IllegalArgumentException("the character at position " + (i - from + 1)
                        + " is not in the base32 alphabet (A-Z and 2-7; spaces, dashes and lower case are accepted)");
            }
            symbols++;
        }
        // A last group of 1, 3 or 6 symbols cannot come from whole bytes (RFC 4648, section 6).
        int rest = symbols % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("base32 text of " + symbols + " symbols is truncated: a valid "
                    + "length leaves 0, 2, 4, 5 or 7 symbols in the last group of 8");
        }
        return symbols;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '\t';
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
