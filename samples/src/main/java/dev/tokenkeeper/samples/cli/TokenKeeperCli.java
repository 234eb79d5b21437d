package dev.tokenkeeper.samples.cli;

import dev.tokenkeeper.samples.cli.load.LoadCommand;
import dev.tokenkeeper.samples.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar tokenkeeper-demo.jar}: without arguments the demo, with {@code call} or
 * {@code load} the command line against any server that speaks the login protocol.
 *
 * <p>Errors never end in a stack trace (unless {@code --verbose}): bad arguments, a missing file, a bad
 * configuration key and every tokenkeeper or I/O error print one line on stderr and exit with
 * {@link ExitCodes#ERROR}.
 */
@Command(name = "tokenkeeper-demo", sortOptions = false,
        description = {"Without a command: the tokenkeeper demo against an identity server started in this "
                + "process (no network, no account, no setup; about 15 s).",
                "With a command: calls an API through tokenkeeper, configured by a properties file."},
        subcommands = {CallCommand.class, LoadCommand.class},
        exitCodeListHeading = "%nExit codes of the demo:%n",
        exitCodeList = {"0:every behaviour shown happened", "1:a check failed (the output says which)",
                "2:an error (one line on stderr)"})
public final class TokenKeeperCli implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    /** Runs the demo. */
    @Override
    public Integer call() {
        Logging.init(verbose.isVerbose(), "warn");
        return new Demo(spec.commandLine().getOut()).run();
    }

    /** The entry point of the jar. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The command line with the one-line error handling; tests call {@code execute} on it in-process. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new TokenKeeperCli());
        commandLine.setParameterExceptionHandler(TokenKeeperCli::badArguments);
        commandLine.setExecutionExceptionHandler((error, command, parseResult) -> {
            ErrorReport.print(error, isVerbose(parseResult), command.getErr());
            return ExitCodes.ERROR;
        });
        return commandLine;
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = (e.getMessage() == null ? "bad arguments" : e.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
        command.getErr().println("error: " + message + " (see: " + command.getCommandSpec().qualifiedName() + " --help)");
        command.getErr().flush();
        return ExitCodes.ERROR;
    }

    /** Whether {@code --verbose} was given to the command that ran. */
    private static boolean isVerbose(ParseResult parseResult) {
        ParseResult deepest = parseResult;
        while (deepest.hasSubcommand()) {
            deepest = deepest.subcommand();
        }
        return deepest.hasMatchedOption("--verbose");
    }
}
