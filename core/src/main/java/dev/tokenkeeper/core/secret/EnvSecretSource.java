package dev.tokenkeeper.core.secret;

import dev.tokenkeeper.core.error.SecretUnavailableException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A secret in an environment variable. The lookup is injectable because tests cannot set variables. */
final class EnvSecretSource implements SecretSource {

    private final String name;
    private final UnaryOperator<String> getenv;

    EnvSecretSource(String name, UnaryOperator<String> getenv) {
        this.name = Objects.requireNonNull(name, "name");
        this.getenv = Objects.requireNonNull(getenv, "getenv");
    }

    @Override
    public char[] read() {
        String value = getenv.apply(name);
        if (value == null) {
            throw new SecretUnavailableException("The environment variable " + name + " (secret source "
                    + description() + ") is not set. Set it in the environment of this process.");
        }
        if (value.isEmpty()) {
            throw new SecretUnavailableException("The environment variable " + name + " (secret source "
                    + description() + ") is set but empty. Give it the secret's value.");
        }
        // The JDK hands out environment values as Strings; this copy at least can be wiped.
        return value.toCharArray();
    }

    @Override
    public String description() {
        return "env:" + name;
    }

    @Override
    public String toString() {
        return description();
    }
}
