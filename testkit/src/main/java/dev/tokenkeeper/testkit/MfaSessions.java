package dev.tokenkeeper.testkit;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The mfaTokens handed out by password steps of TOTP users. An mfaToken is valid for {@link #VALIDITY}, for
 * one successful OTP step, and for at most {@link #MAX_ATTEMPTS} OTP steps in all: a refused code leaves it
 * usable, so a client may wait for the next TOTP step and try again with the same mfaToken.
 */
final class MfaSessions {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    /** A pending second step: who, with which identityToken, since when, how many tries so far. */
    static final class Session {
        final UserDirectory.User user;
        final String identityToken;
        final Instant createdAt;
        int attempts;

        Session(UserDirectory.User user, String identityToken, Instant createdAt) {
            this.user = user;
            this.identityToken = identityToken;
            this.createdAt = createdAt;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Instant> now;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    MfaSessions(Supplier<Instant> now) {
        this.now = now;
    }

    /** Opens a session and returns its new mfaToken. */
    String open(UserDirectory.User user, String identityToken) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String mfaToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(mfaToken, new Session(user, identityToken, now.get()));
        return mfaToken;
    }

    /** The live session of {@code mfaToken}; expired sessions are dropped and reported as absent. */
    Optional<Session> find(String mfaToken) {
        Session session = sessions.get(mfaToken);
        if (session == null) {
            return Optional.empty();
        }
        if (!now.get().isBefore(session.createdAt.plus(VALIDITY))) {
            sessions.remove(mfaToken, session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Ends a session (after success, or when it ran out of attempts). */
    void close(String mfaToken) {
        sessions.remove(mfaToken);
    }

    /** Counts a refused attempt; returns true when the session has none left (and is closed). */
    boolean refused(String mfaToken, Session session) {
        synchronized (session) {
            session.attempts++;
            if (session.attempts >= MAX_ATTEMPTS) {
                sessions.remove(mfaToken, session);
                return true;
            }
            return false;
        }
    }
}
