package dev.tokenkeeper.samples.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The request {@code call} and {@code load} send: method, body, headers and URL. */
public final class RequestOptions {

    @Option(names = {"-X", "--method"}, paramLabel = "M",
            description = "HTTP method. Default: GET, or POST when --data is given.")
    String method;

    @Option(names = {"-d", "--data"}, paramLabel = "BODY",
            description = "Request body, sent as UTF-8; Content-Type application/json unless a --header sets it.")
    String data;

    @Option(names = {"-H", "--header"}, paramLabel = "K:V",
            description = "A request header, such as 'Accept: application/json'; repeatable. An Authorization "
                    + "header of yours is sent as it is and tokenkeeper adds none.")
    List<String> headers = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "URL", description = "Absolute http(s) URL of the API to call.")
    String url;

    /**
     * Checks the options and turns them into a request description.
     *
     * @throws UsageException naming the option at fault
     */
    public RequestSpec toSpec() {
        return RequestSpec.parse(method, data, headers, url);
    }
}
