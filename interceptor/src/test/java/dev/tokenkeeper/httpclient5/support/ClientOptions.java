package dev.tokenkeeper.httpclient5.support;

/**
 * How a test client is built.
 *
 * @param redirects  whether HttpClient follows redirects (disabled: {@code disableRedirectHandling()})
 * @param retries    whether HttpClient retries (disabled: {@code disableAutomaticRetries()})
 * @param ioThreads  I/O reactor threads of the async client
 */
public record ClientOptions(boolean redirects, boolean retries, int ioThreads) {

    public static final ClientOptions DEFAULTS = new ClientOptions(true, true, 2);

    public ClientOptions withoutRedirects() {
        return new ClientOptions(false, retries, ioThreads);
    }

    public ClientOptions withoutRetries() {
        return new ClientOptions(redirects, false, ioThreads);
    }

    public ClientOptions ioThreads(int n) {
        return new ClientOptions(redirects, retries, n);
    }
}
