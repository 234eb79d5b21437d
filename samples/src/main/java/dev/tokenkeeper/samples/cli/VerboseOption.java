package dev.tokenkeeper.samples.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by the demo, {@code call} and {@code load}. */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"},
            description = "DEBUG logging on stderr (it never prints passwords, TOTP secrets or tokens) "
                    + "and a stack trace with error messages.")
    boolean verbose;

    /** Whether {@code --verbose} was given. */
    public boolean isVerbose() {
        return verbose;
    }
}
