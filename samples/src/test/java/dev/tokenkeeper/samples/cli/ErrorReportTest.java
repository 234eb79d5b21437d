package dev.tokenkeeper.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenkeeper.core.error.CredentialsRejectedException;
import dev.tokenkeeper.core.error.InvalidConfigurationException;
import dev.tokenkeeper.httpclient5.TokenUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    private final TokenUnavailableException refused = new TokenUnavailableException("https://api.example.com",
            new CredentialsRejectedException("The identity service refused the user name or password (401).\nCheck them.", 401));

    @Test
    void everyKindIsOneLineNamingIt() {
        assertThat(ErrorReport.oneLine(refused))
                .startsWith("error: TokenUnavailableException: Request to https://api.example.com not sent")
                .contains("CredentialsRejectedException: The identity service refused the user name or password (401). Check them.")
                .doesNotContain("\n");
        assertThat(ErrorReport.oneLine(new InvalidConfigurationException("tokenkeeper.login.url", "tokenkeeper.login.url is required")))
                .isEqualTo("error: configuration: tokenkeeper.login.url is required");
        assertThat(ErrorReport.oneLine(new ConnectException("Connection refused")))
                .isEqualTo("error: ConnectException: Connection refused");
        assertThat(ErrorReport.oneLine(new UsageException("--threads must be between 1 and 1000, was 0.")))
                .isEqualTo("error: --threads must be between 1 and 1000, was 0.");
        assertThat(ErrorReport.oneLine(new IllegalStateException()))
                .isEqualTo("error: unexpected java.lang.IllegalStateException: (no message) (run with --verbose for the stack trace)");
    }

    @Test
    void errorNamesAreTheCoreCauseForMissingTokensAndUnwrapFutures() {
        assertThat(ErrorReport.errorName(refused)).isEqualTo("CredentialsRejectedException");
        assertThat(ErrorReport.errorName(new ExecutionException(refused))).isEqualTo("CredentialsRejectedException");
        assertThat(ErrorReport.errorName(new CompletionException(new ConnectException()))).isEqualTo("ConnectException");
    }

    @Test
    void theStackTraceOnlyWithVerbose() {
        StringWriter quiet = new StringWriter();
        ErrorReport.print(refused, false, new PrintWriter(quiet));
        assertThat(quiet.toString().lines()).hasSize(1);

        StringWriter verbose = new StringWriter();
        ErrorReport.print(refused, true, new PrintWriter(verbose));
        assertThat(verbose.toString()).contains("\tat ").contains("Caused by: " + CredentialsRejectedException.class.getName());
    }
}
