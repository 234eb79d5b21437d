package dev.tokenkeeper.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Seeded random and mutated inputs for the parsers that read what the identity service sends: login
 * answer bodies, access tokens (JWTs) and header values. The same seed gives the same cases, so a
 * failure found once is found again: the tests name the seed, and {@code -Dfuzz.seed=N} replays a run.
 */
public final class FuzzInputs {

    /** The seed of every run unless {@code -Dfuzz.seed} says otherwise. */
    public static final long DEFAULT_SEED = 20_260_601L;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String[] NUMBERS = {
        "0", "-1", "1", "1.5", "-0.0", "1e3", "1E+400", "-1e300", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "100000000000000000", "31556889864403199", "31556889864403200",
        "-31557014167219200", "253402300799", "4102444800", "1893456000", "NaN", "Infinity", "\"1893456000\"", "null",
        "true", "[]", "{}", "\"\"", "1" + "0".repeat(1200), "0." + "1".repeat(1200), "1e999999999"
    };
    private static final String[] CLAIMS = {"exp", "iat", "nbf", "sub", "jti", "aud", "iss"};

    private final SplittableRandom random;

    public FuzzInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code -Dfuzz.seed}, or {@link #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong("fuzz.seed", DEFAULT_SEED);
    }

    /** Something that may or may not be a JWT: random text, a JWT with fuzzed claims, or a mutated {@code valid} one. */
    public String token(String valid) {
        return switch (random.nextInt(6)) {
            case 0 -> randomText(random.nextInt(200));
            case 1, 2 -> jwt(header(), payload());
            case 3 -> mutate(valid);
            case 4 -> jwtWithRawParts();
            default -> mutate(jwt(header(), payload()));
        };
    }

    /** A login answer body: random bytes, JSON-ish text, deep nesting, huge values, or a mutated valid answer. */
    public byte[] loginBody(String validJwt) {
        String valid = "{\"accessToken\":\"" + validJwt + "\"}";
        return switch (random.nextInt(11)) {
            case 9, 10 -> ("{\"" + (random.nextInt(4) == 0 ? "mfaToken" : "accessToken") + "\":\"" + jsonEscaped(token(validJwt))
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            case 0 -> randomBytes(random.nextInt(300));
            case 1 -> randomText(random.nextInt(300)).getBytes(StandardCharsets.UTF_8);
            case 2 -> mutate(valid).getBytes(StandardCharsets.UTF_8);
            case 3 -> nested(random.nextInt(1, 40_000)).getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"accessToken\":" + pick(NUMBERS) + ",\"mfaToken\":" + pick(NUMBERS) + "}").getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"accessToken\":\"" + "A".repeat(random.nextInt(1, 60_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{\"accessToken\":\"" + jsonEscaped(token(validJwt)) + "\",\"accessToken\":"
                    + pick(NUMBERS) + "}").getBytes(StandardCharsets.UTF_8);
            case 7 -> manyFields(random.nextInt(1, 3_000)).getBytes(StandardCharsets.UTF_8);
            default -> ("\uFEFF" + mutate("{\"mfaToken\":\"" + randomText(random.nextInt(40)) + "\"}")).getBytes(
                    random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16);
        };
    }

    /** A {@code Retry-After} value: digits of any length, HTTP dates (valid, odd, far), garbage. */
    public String retryAfter() {
        return switch (random.nextInt(6)) {
            case 0 -> Long.toString(random.nextLong(0, Long.MAX_VALUE));
            case 1 -> "9".repeat(random.nextInt(1, 40));
            case 2 -> pick(new String[] {"Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
                "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
                "Mon, 32 Foo 2024 25:61:61 GMT", "-1", "1.5", " 7 ", "", "\u0663\u0667", "0x10", "+5"});
            case 3 -> randomText(random.nextInt(40));
            case 4 -> "-" + random.nextInt(1_000_000);
            default -> Integer.toString(random.nextInt(0, 100_000));
        };
    }

    private String header() {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"alg\":\"none\"}";
            case 1 -> "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
            case 2 -> "{\"alg\":" + pick(NUMBERS) + "}";
            case 3 -> randomText(random.nextInt(30));
            default -> "{\"alg\":\"RS256\",\"kid\":\"" + randomText(random.nextInt(20)).replace("\"", "") + "\"}";
        };
    }

    private String payload() {
        if (random.nextInt(8) == 0) {
            return randomText(random.nextInt(60));
        }
        StringBuilder json = new StringBuilder("{");
        int claims = random.nextInt(5);
        for (int i = 0; i < claims; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(pick(CLAIMS)).append("\":").append(pick(NUMBERS));
        }
        return json.append('}').toString();
    }

    private String jwt(String header, String payload) {
        return encode(header) + "." + encode(payload) + "." + B64URL.encodeToString(randomBytes(random.nextInt(48)));
    }

    private String jwtWithRawParts() {
        int parts = random.nextInt(1, 6);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                s.append('.');
            }
            s.append(random.nextBoolean() ? B64URL.encodeToString(randomBytes(random.nextInt(40))) : randomText(random.nextInt(20)));
        }
        return s.toString();
    }

    /** Flips, drops, inserts or duplicates characters, or cuts the text short. */
    private String mutate(String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = random.nextInt(1, 6);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.setCharAt(at, (char) (s.charAt(at) ^ (1 << random.nextInt(7))));
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.insert(at, randomChar());
                case 3 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(1, 30))));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private String nested(int depth) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(random.nextBoolean() ? depth : random.nextInt(depth));
    }

    private String manyFields(int n) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            json.append("\"f").append(i).append("\":").append(pick(NUMBERS)).append(',');
        }
        return json.append("\"mfaToken\":\"m\"}").toString();
    }

    private static String jsonEscaped(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private String encode(String text) {
        return B64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private String randomText(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(randomChar());
        }
        return s.toString();
    }

    private char randomChar() {
        return switch (random.nextInt(4)) {
            case 0 -> (char) random.nextInt(0x20, 0x7f);
            case 1 -> "{}[]\":,.\\-eE0123456789".charAt(random.nextInt(22));
            case 2 -> (char) random.nextInt(0, 0x20);
            default -> (char) random.nextInt(0x80, 0xFFFF);
        };
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
