package dev.tokenkeeper.core.error;

/**
 * The user has MFA enabled (the login answered with an mfaToken) but no source of one-time codes is
 * configured. Configure a TOTP secret or a code callback.
 */
public class MfaRequiredException extends LoginRejectedException {

    public MfaRequiredException(String message) {
        super(message, 0);
    }
}
