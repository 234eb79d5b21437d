package dev.tokenkeeper.samples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: the properties file with the {@code tokenkeeper.*} keys. */
public final class ConfigOption {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "Properties file with the tokenkeeper.* keys (other keys are ignored). "
                    + "Secrets in it are references: env:NAME, file:PATH or sysprop:NAME.")
    Path file;

    /** The file named with {@code --config}. */
    public Path file() {
        return file;
    }
}
