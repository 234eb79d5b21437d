package dev.tokenkeeper.core.secret;

import dev.tokenkeeper.core.error.SecretUnavailableException;
import java.util.Objects;

/** A secret in a Java system property. */
final class SyspropSecretSource implements SecretSource {

    private final String name;

    SyspropSecretSource(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public char[] read() {
        String value = System.getProperty(name);
        if (value == null) {
            throw new SecretUnavailableException("The system property " + name + " (secret source "
                    + description() + ") is not set. Pass it with -D" + name + "=... or System.setProperty.");
        }
        if (value.isEmpty()) {
            throw new SecretUnavailableException("The system property " + name + " (secret source "
                    + description() + ") is set but empty. Give it the secret's value.");
        }
        return value.toCharArray();
    }

    @Override
    public String description() {
        return "sysprop:" + name;
    }

    @Override
    public String toString() {
        return description();
    }
}
