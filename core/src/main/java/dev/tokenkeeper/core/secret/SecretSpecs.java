package dev.tokenkeeper.core.secret;

import dev.tokenkeeper.core.error.InvalidConfigurationException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Parses {@code env:NAME}, {@code file:PATH}, {@code sysprop:NAME}. The value being parsed may be a
 * secret typed in by mistake, so no message here ever repeats it.
 */
final class SecretSpecs {

    static final String ACCEPTED_FORMS = "env:NAME (an environment variable), file:PATH (a file such as a "
            + "mounted secret) or sysprop:NAME (a Java system property)";

    private SecretSpecs() {
    }

    static SecretSource parse(String key, String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidConfigurationException(key, key + " is empty. Say where the secret is read from: "
                    + ACCEPTED_FORMS + ".");
        }
        String trimmed = spec.strip();
        if (trimmed.startsWith("env:")) {
            return new EnvSecretSource(requireName(key, trimmed.substring(4), "an environment variable name"),
                    System::getenv);
        }
        if (trimmed.startsWith("sysprop:")) {
            return new SyspropSecretSource(requireName(key, trimmed.substring(8), "a system property name"));
        }
        if (trimmed.startsWith("file:")) {
            String path = requireName(key, trimmed.substring(5), "a file path");
            try {
                return new FileSecretSource(Path.of(path));
            } catch (InvalidPathException e) {
                throw new InvalidConfigurationException(key, key + " names a file path that is not valid on this "
                        + "system (" + e.getReason() + "). Accepted forms: " + ACCEPTED_FORMS + ".");
            }
        }
        throw new InvalidConfigurationException(key, key + " must say where the secret is read from, not contain "
                + "it: a literal value is refused so that no secret sits in a properties file or in code. "
                + "Accepted forms: " + ACCEPTED_FORMS + ". (The value is not shown here because it may be the secret.)");
    }

    private static String requireName(String key, String name, String what) {
        if (name.isBlank()) {
            throw new InvalidConfigurationException(key, key + " names no " + what.replaceFirst("^an? ", "")
                    + " after the prefix. Accepted forms: " + ACCEPTED_FORMS + ".");
        }
        return name.strip();
    }
}
