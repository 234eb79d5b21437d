package dev.tokenkeeper.core.login;

/** The two steps of the protocol, named in log lines and error messages. */
enum LoginStep {
    PASSWORD("password step"),
    OTP("one-time code step");

    private final String label;

    LoginStep(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
