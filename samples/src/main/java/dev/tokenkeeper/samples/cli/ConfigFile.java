package dev.tokenkeeper.samples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads the properties file named with {@code --config}. Only reading is done here; what the
 * {@code tokenkeeper.*} keys mean, and whether their values are valid, is the library's business
 * ({@code TokenKeeperConfig.fromProperties}).
 */
public final class ConfigFile {

    /** A configuration file is small; anything larger is the wrong file. */
    static final long MAX_BYTES = 1024 * 1024;

    private ConfigFile() {
    }

    /**
     * Loads {@code file} as UTF-8 properties.
     *
     * @throws UsageException when the file is missing, unreadable, too large or not a properties file
     */
    public static Properties load(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new UsageException("--config " + name + " is a directory; pass the path of a properties file.");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException("--config " + name + " is larger than " + MAX_BYTES / 1024
                        + " KiB; is it the right file? Pass a properties file with the tokenkeeper.* keys.");
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (NoSuchFileException e) {
            throw new UsageException("--config " + name + " does not exist. Pass the path of a properties file "
                    + "with the tokenkeeper.* keys (samples/src/main/resources/tokenkeeper.properties is an example).", e);
        } catch (AccessDeniedException e) {
            throw new UsageException("--config " + name + " cannot be read (permission denied).", e);
        } catch (CharacterCodingException e) {
            throw new UsageException("--config " + name + " is not UTF-8 text; save it as UTF-8.", e);
        } catch (IllegalArgumentException e) {
            // Properties.load refuses a malformed unicode escape this way.
            throw new UsageException("--config " + name + " is not a valid properties file: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new UsageException("--config " + name + " cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ".", e);
        }
    }
}
