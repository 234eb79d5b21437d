package dev.tokenkeeper.httpclient5.support;

import java.time.Duration;

/**
 * How a test client is built.
 *
 * @param redirects       whether HttpClient follows redirects (disabled: {@code disableRedirectHandling()})
 * @param retries         whether HttpClient retries (disabled: {@code disableAutomaticRetries()})
 * @param ioThreads       I/O reactor threads of the async client
 * @param responseTimeout the API calls' response (socket) timeout
 */
public record ClientOptions(boolean redirects, boolean retries, int ioThreads, Duration responseTimeout) {

    public static final ClientOptions DEFAULTS = new ClientOptions(true, true, 2, Duration.ofSeconds(10));

    public ClientOptions withoutRedirects() {
        return new ClientOptions(false, retries, ioThreads, responseTimeout);
    }

    public ClientOptions withoutRetries() {
        return new ClientOptions(redirects, false, ioThreads, responseTimeout);
    }

    public ClientOptions ioThreads(int n) {
        return new ClientOptions(redirects, retries, n, responseTimeout);
    }

    /** A shorter response timeout, for suites that bound how long any request may take. */
    public ClientOptions responseTimeout(Duration timeout) {
        return new ClientOptions(redirects, retries, ioThreads, timeout);
    }
}
