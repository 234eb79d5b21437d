package dev.tokenkeeper.core.error;

/** The identity service refused the user name or password (401/403 on the password step). */
public class CredentialsRejectedException extends LoginRejectedException {

    public CredentialsRejectedException(String message, int status) {
        super(message, status);
    }
}
