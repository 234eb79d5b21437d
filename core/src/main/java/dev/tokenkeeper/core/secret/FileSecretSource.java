package dev.tokenkeeper.core.secret;

import dev.tokenkeeper.core.error.SecretUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret in a file (a mounted secret). Read at every {@link #read()}, so rotation needs no restart.
 * The file's bytes are decoded without ever becoming a {@code String}, and every buffer is wiped.
 */
final class FileSecretSource implements SecretSource {

    /** A password or TOTP secret is tiny; anything larger is the wrong file. */
    static final int MAX_BYTES = 16 * 1024;

    private final Path path;

    FileSecretSource(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    @Override
    public char[] read() {
        byte[] bytes = readBounded();
        try {
            int length = withoutOneTrailingLineBreak(bytes);
            if (length == 0) {
                throw new SecretUnavailableException("The secret file " + path + " (secret source "
                        + description() + ") is empty. Write the secret into it.");
            }
            return decodeUtf8(bytes, length);
        } finally {
            Secrets.wipe(bytes);
        }
    }

    private byte[] readBounded() {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                Secrets.wipe(bytes);
                throw new SecretUnavailableException("The secret file " + path + " (secret source "
                        + description() + ") is larger than " + MAX_BYTES
                        + " bytes; a password or TOTP secret is much smaller. Check that the path names the right file.");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new SecretUnavailableException("The secret file " + path + " (secret source "
                    + description() + ") does not exist. Create it or fix the path.", e);
        } catch (IOException e) {
            throw new SecretUnavailableException("The secret file " + path + " (secret source "
                    + description() + ") cannot be read (" + e.getClass().getSimpleName()
                    + "). Check that it is a readable file for the user running this process.", e);
        }
    }

    /** Editors and {@code echo} add a final line break that is not part of the secret. */
    private static int withoutOneTrailingLineBreak(byte[] bytes) {
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        return length;
    }

    private char[] decodeUtf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            Secrets.wipe(chars.array());
            throw new SecretUnavailableException("The secret file " + path + " (secret source "
                    + description() + ") is not valid UTF-8. Save it as UTF-8 text.");
        }
        char[] secret = Arrays.copyOf(chars.array(), chars.position());
        Secrets.wipe(chars.array());
        return secret;
    }

    @Override
    public String description() {
        return "file:" + path;
    }

    @Override
    public String toString() {
        return description();
    }
}
