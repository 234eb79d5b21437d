package dev.tokenkeeper.samples.cli;

import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.message.StatusLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code call}: one request through a tokenkeeper client built from the properties file. Prints the
 * status line and the body on stdout; exits 0 for 2xx, 1 for any other status, 2 for an error.
 */
@Command(name = "call", sortOptions = false,
        description = {"Makes one request through a tokenkeeper client built from the properties file and "
                + "prints the status line and the body."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the response was 2xx", "1:the response had another status",
                "2:a tokenkeeper or I/O error, bad arguments, a missing file or a bad key (one line on stderr)"})
public final class CallCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    RequestOptions request;

    @Mixin
    VerboseOption verbose;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Quiet by default: on failure stderr carries exactly one line, ours.
        Logging.init(verbose.isVerbose(), "error");
        RequestSpec requestSpec = request.toSpec();
        Properties properties = ConfigFile.load(config.file());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CliClients clients = CliClients.fromProperties(properties, 1);
             CloseableHttpClient client = clients.classic()) {
            return client.execute(requestSpec.toClassicRequest(), response -> {
                out.println(new StatusLine(response));
                ResponseBody body = ResponseBody.read(response.getEntity());
                out.print(body.text());
                if (!body.text().isEmpty() && !body.text().endsWith("\n")) {
                    out.println();
                }
                out.flush();
                if (body.truncated()) {
                    err.println("note: body truncated after " + ResponseBody.MAX_BYTES + " bytes");
                    err.flush();
                }
                int code = response.getCode();
                return code >= 200 && code < 300 ? ExitCodes.OK : ExitCodes.NOT_OK;
            });
        }
    }
}
