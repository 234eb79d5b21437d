package dev.tokenkeeper.core.error;

/**
 * The one-time code step failed: the code was refused twice (once more after waiting for the next
 * time step), or the mfaToken was stale.
 */
public class OtpRejectedException extends LoginRejectedException {

    public OtpRejectedException(String message, int status) {
        super(message, status);
    }
}
