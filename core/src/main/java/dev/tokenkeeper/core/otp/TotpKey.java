package dev.tokenkeeper.core.otp;

import dev.tokenkeeper.core.secret.Secrets;

/** A decoded TOTP key and its parameters, alive for one code computation, then {@link #wipe() wiped}. */
final class TotpKey {

    private final byte[] key;
    private final TotpParameters parameters;

    TotpKey(byte[] key, TotpParameters parameters) {
        this.key = key;
        this.parameters = parameters;
    }

    byte[] key() {
        return key;
    }

    TotpParameters parameters() {
        return parameters;
    }

    void wipe() {
        Secrets.wipe(key);
    }
}
