package dev.tokenkeeper.testkit;

/** The two steps of the login protocol, the unit {@link IdentityServer#injectFault faults} are scheduled on. */
public enum LoginStep {
    /** {@code POST /account/login} with email and password. */
    PASSWORD,
    /** {@code POST /account/login/otp} with the one-time code and the mfaToken of the password step. */
    OTP
}
