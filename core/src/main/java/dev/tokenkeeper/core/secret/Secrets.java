package dev.tokenkeeper.core.secret;

import java.util.Arrays;

/** Wiping of secret buffers, so a password lives in memory no longer than the request that needs it. */
public final class Secrets {

    private Secrets() {
    }

    /** Overwrites {@code secret} with zeros; {@code null} is ignored. */
    public static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    /** Overwrites {@code secret} with zeros; {@code null} is ignored. */
    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
