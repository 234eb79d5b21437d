package dev.tokenkeeper.core.secret;

import dev.tokenkeeper.core.error.SecretUnavailableException;
import java.util.Objects;
import java.util.function.Supplier;

/** A secret supplied by application code at every read. */
final class CallbackSecretSource implements SecretSource {

    private final String description;
    private final Supplier<char[]> supplier;

    CallbackSecretSource(String description, Supplier<char[]> supplier) {
        this.description = Objects.requireNonNull(description, "description");
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    @Override
    public char[] read() {
        char[] secret;
        try {
            secret = supplier.get();
        } catch (RuntimeException e) {
            // The supplier's own exception may say more than we should; keep only its type as a hint.
            throw new SecretUnavailableException("The secret callback " + description + " failed with "
                    + e.getClass().getName() + ". Check the code that supplies the secret.", e);
        }
        if (secret == null || secret.length == 0) {
            Secrets.wipe(secret);
            throw new SecretUnavailableException("The secret callback " + description
                    + " returned no secret. It must return a fresh, non-empty char[].");
        }
        return secret;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
