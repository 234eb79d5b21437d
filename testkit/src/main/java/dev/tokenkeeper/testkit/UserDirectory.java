package dev.tokenkeeper.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The accounts an {@link IdentityServer} knows. Immutable after the server starts. */
final class UserDirectory {

    /** One account; {@code totpSecret} is {@code null} for a user without MFA. */
    record User(String email, String password, String totpSecret) {
        User {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            if (totpSecret != null) {
                Base32.decode(totpSecret); // fail at build time on a malformed secret
            }
        }

        boolean hasTotp() {
            return totpSecret != null;
        }

        /** Never shows the password or the secret. */
        @Override
        public String toString() {
            return "User[" + email + (hasTotp() ? ", TOTP" : "") + "]";
        }
    }

    private final Map<String, User> byEmail;

    UserDirectory(Collection<User> users) {
        // A user added twice: the later definition wins, as with a map put.
        this.byEmail = Map.copyOf(users.stream().collect(Collectors.toMap(User::email, u -> u, (a, b) -> b)));
    }

    /** The user whose email and password match; the password compared in constant time. */
    Optional<User> authenticate(String email, String password) {
        User user = byEmail.get(email);
        if (user == null || !MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /**
     * True when a known password is one of {@code values} (decoded query parameter names and values). Whole
     * values only: a short test password must not match unrelated text.
     */
    boolean containsAnyPassword(List<String> values) {
        return byEmail.values().stream().anyMatch(u -> values.contains(u.password()));
    }
}
