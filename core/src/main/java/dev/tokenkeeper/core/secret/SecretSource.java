package dev.tokenkeeper.core.secret;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.core.error.SecretUnavailableException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where a secret (a password, a TOTP secret) is read from: an environment variable, a file, a system
 * property or a callback. Never the secret itself.
 *
 * <p>The secret is read each time it is needed (at every login), so a rotated password in a mounted
 * secret file is picked up without a restart. {@link #read()} hands out a fresh {@code char[]} that
 * the caller owns and wipes ({@link Secrets#wipe(char[])}) as soon as it is done with it.
 *
 * <p>{@link #description()} and {@code toString()} say where the secret comes from
 * ({@code env:TK_PASSWORD}, {@code file:/run/secrets/tk}), never what it is.
 */
public interface SecretSource {

    /**
     * Reads the secret now.
     *
     * @return a fresh array owned by the caller, who wipes it after use; never empty
     * @throws SecretUnavailableException when the variable, property or file is missing, unreadable or
     *                                    empty; the message names the source, never a value
     */
    char[] read();

    /** Where the secret comes from, such as {@code env:TK_PASSWORD}. Safe to log. */
    String description();

    /** A secret in the environment variable {@code name}. */
    static SecretSource env(String name) {
        return new EnvSecretSource(name, System::getenv);
    }

    /**
     * A secret in a file, such as a mounted Kubernetes or Docker secret. The file is read as UTF-8;
     * one trailing line break is stripped (editors add one); files over 16 KiB
     * are refused as being the wrong file.
     */
    static SecretSource file(Path path) {
        return new FileSecretSource(path);
    }

    /** A secret in the Java system property {@code name}. */
    static SecretSource sysprop(String name) {
        return new SyspropSecretSource(name);
    }

    /**
     * A secret supplied by the application, for example from a vault client. The supplier is called
     * at every read and must return a fresh array each time: the library wipes it after use.
     */
    static SecretSource callback(Supplier<char[]> supplier) {
        return callback("callback", supplier);
    }

    /**
     * Like {@link #callback(Supplier)}, with a description for log lines and error messages (such as
     * {@code "vault:kv/tokenkeeper"}). The description must not contain the secret.
     */
    static SecretSource callback(String description, Supplier<char[]> supplier) {
        return new CallbackSecretSource(description, supplier);
    }

    /**
     * Parses a secret specification from configuration: {@code env:NAME}, {@code file:PATH} or
     * {@code sysprop:NAME}. Anything else, in particular the secret itself written as a literal, is
     * refused: secrets do not belong in properties files.
     *
     * @param key  the configuration key the value came from, named in errors
     * @param spec the value; never echoed in an error, since it may be a secret
     * @throws InvalidConfigurationException when {@code spec} is not one of the accepted forms
     */
    static SecretSource parse(String key, String spec) {
        return SecretSpecs.parse(key, spec);
    }

    /** The accepted forms of a secret specification, for error messages and documentation. */
    static String acceptedForms() {
        return SecretSpecs.ACCEPTED_FORMS;
    }
}
