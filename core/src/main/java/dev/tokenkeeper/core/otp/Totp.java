package dev.tokenkeeper.core.otp;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.secret.SecretSource;
import dev.tokenkeeper.core.secret.Secrets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The RFC 6238 time-based one-time password generator: the codes an authenticator app shows, computed
 * from the same secret, so an unattended integration can pass MFA at 3 a.m.
 *
 * <p>The secret is read from its {@link SecretSource} for every code (so rotation works) and the
 * decoded key bytes are wiped right after use. Create one with:
 * <ul>
 *   <li>{@link #fromBase32(SecretSource)}: the base32 secret shown under the QR code (SHA1, 6 digits, 30 s);</li>
 *   <li>{@link #fromBase32(SecretSource, TotpParameters)}: with other parameters;</li>
 *   <li>{@link #fromUri(SecretSource)}: an {@code otpauth://totp/...} URI, honouring its
 *       {@code algorithm}, {@code digits} and {@code period};</li>
 *   <li>{@link #fromSecretOrUri(SecretSource)}: whichever of the two the source holds.</li>
 * </ul>
 */
public final class Totp implements OtpSource {

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private enum Format { BASE32, URI, EITHER }

    private final SecretSource source;
    private final Format format;
    private final TotpParameters base32Parameters;
    private final String configKey;
    /** The parameters of the last code (not secret), so {@link #nextStepAt} need not read the secret again. */
    private volatile TotpParameters lastParameters;

    private Totp(SecretSource source, Format format, TotpParameters base32Parameters, String configKey) {
        this.source = Objects.requireNonNull(source, "source");
        this.format = format;
        this.base32Parameters = Objects.requireNonNull(base32Parameters, "parameters");
        this.configKey = Objects.requireNonNull(configKey, "configKey");
    }

    /** A base32 secret with the default parameters: HMAC-SHA1, 6 digits, 30-second steps. */
    public static Totp fromBase32(SecretSource base32Secret) {
        return fromBase32(base32Secret, TotpParameters.DEFAULTS);
    }

    /** A base32 secret with the given parameters. */
    public static Totp fromBase32(SecretSource base32Secret, TotpParameters parameters) {
        return new Totp(base32Secret, Format.BASE32, parameters, base32Secret.description());
    }

    /** An {@code otpauth://totp/...} URI; its parameters override the defaults. */
    public static Totp fromUri(SecretSource otpauthUri) {
        return new Totp(otpauthUri, Format.URI, TotpParameters.DEFAULTS, otpauthUri.description());
    }

    /**
     * A source that holds either an {@code otpauth://} URI or a base32 secret (default parameters),
     * decided at each read.
     */
    public static Totp fromSecretOrUri(SecretSource secretOrUri) {
        return fromSecretOrUri(secretOrUri, secretOrUri.description());
    }

    /**
     * Like {@link #fromSecretOrUri(SecretSource)}, naming {@code configKey} (such as
     * {@code tokenkeeper.login.totp-secret}) in {@link InvalidConfigurationException}s.
     */
    public static Totp fromSecretOrUri(SecretSource secretOrUri, String configKey) {
        return new Totp(secretOrUri, Format.EITHER, TotpParameters.DEFAULTS, configKey);
    }

    /**
     * The code for the time step containing {@code now}.
     *
     * @throws InvalidConfigurationException when the secret is not valid base32 or not a valid otpauth
     *                                       URI; the message names the source, never the secret
     */
    @Override
    public String code(Instant now) {
        TotpKey key = readKey();
        try {
            TotpParameters parameters = key.parameters();
            lastParameters = parameters;
            return generate(key.key(), counterAt(now, parameters), parameters);
        } finally {
            key.wipe();
        }
    }

    /** The start of the next time step, by the period of the last code (or of the configuration). */
    @Override
    public Instant nextStepAt(Instant now) {
        TotpParameters parameters = lastParameters;
        if (parameters == null) {
            TotpKey key = readKey();
            key.wipe();
            parameters = key.parameters();
            lastParameters = parameters;
        }
        long period = parameters.period().getSeconds();
        return Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), period) + 1) * period);
    }

    @Override
    public String description() {
        return "TOTP from " + source.description();
    }

    @Override
    public String toString() {
        return description();
    }

    private TotpKey readKey() {
        char[] text = source.read();
        try {
            boolean uri = format == Format.URI || (format == Format.EITHER && OtpauthUri.looksLikeUri(text));
            if (uri) {
                return OtpauthUri.parse(text, configKey, origin());
            }
            return new TotpKey(decodeBase32(text), base32Parameters);
        } finally {
            Secrets.wipe(text);
        }
    }

    private byte[] decodeBase32(char[] text) {
        byte[] key;
        try {
            key = Base32.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(configKey, "The TOTP secret " + origin()
                    + " is not valid base32: " + e.getMessage() + ". Accepted forms: the base32 secret shown "
                    + "with the QR code, or an " + OtpauthUri.FORM + " URI.");
        }
        if (key.length == 0) {
            throw new InvalidConfigurationException(configKey, "The TOTP secret " + origin()
                    + " holds no base32 characters. Accepted forms: the base32 secret shown with the QR code, "
                    + "or an " + OtpauthUri.FORM + " URI.");
        }
        return key;
    }

    /** "(tokenkeeper.login.totp-secret, read from env:X)", or just the source when no key was given. */
    private String origin() {
        String from = "read from " + source.description();
        return configKey.equals(source.description()) ? "(" + from + ")" : "(" + configKey + ", " + from + ")";
    }

    private static long counterAt(Instant now, TotpParameters parameters) {
        return Math.floorDiv(now.getEpochSecond(), parameters.period().getSeconds());
    }

    /** RFC 4226 section 5.3 (HOTP) applied to the time-step counter, as RFC 6238 defines TOTP. */
    static String generate(byte[] key, long counter, TotpParameters parameters) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(parameters.algorithm().macName());
            mac.init(new SecretKeySpec(key, parameters.algorithm().macName()));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(parameters.algorithm().macName() + " is required of every Java platform", e);
        }
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24)
                | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8)
                | (hash[offset + 3] & 0xFF);
        Secrets.wipe(hash);
        int code = binary % POWERS_OF_TEN[parameters.digits()];
        String digits = Integer.toString(code);
        return "0".repeat(parameters.digits() - digits.length()) + digits;
    }
}
