package dev.tokenkeeper.reliability.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.tokenkeeper.testkit.IdentityServer;
import dev.tokenkeeper.testkit.LogCapture;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;

/**
 * Everything the suite produced that could carry a secret, collected across all test classes for
 * {@code SecretsAcrossTheSuiteTest}, which runs last: every log line of tokenkeeper, the testkit and
 * HttpClient at DEBUG (wire and header logs included), the messages and {@code toString()} of every
 * exception and object the tests met, and, from the servers' side, the secrets to look for (the
 * identityTokens and access tokens they saw) and their protocol violations (a password in a URL is one).
 *
 * <p>HttpClient's DEBUG logging writes some forty lines per request; the soak and the hammer tests,
 * which send tens of thousands, switch it off with {@link #withoutHttpClientDebug} so the capture
 * stays small and the load stays real. tokenkeeper's own loggers stay at DEBUG throughout.
 */
public final class SuiteEvidence {

    /** HttpClient's logger hierarchy: exec chain, connection pool, headers ({@code .headers}) and bytes ({@code .wire}). */
    public static final String HTTPCLIENT_LOGGERS = "org.apache.hc.client5.http";
    /** HttpClient's wire log: the bytes of every request, so API requests show their bearer token (HttpClient's doing). */
    public static final String WIRE_LOGGER = "org.apache.hc.client5.http.wire";

    private static LogCapture logs;
    private static final Set<String> secrets = new LinkedHashSet<>();
    private static final Set<String> accessTokens = new LinkedHashSet<>();
    private static final List<String> texts = new ArrayList<>();
    private static final List<String> violations = new ArrayList<>();
    private static int serversHarvested;

    private SuiteEvidence() {
    }

    /** Starts the capture once per JVM; every fixture calls this before it starts anything. */
    public static synchronized void start() {
        if (logs == null) {
            logs = LogCapture.atDebug("dev.tokenkeeper", HTTPCLIENT_LOGGERS);
        }
    }

    /** Runs {@code body} with HttpClient's DEBUG loggers off; tokenkeeper's stay on. */
    public static <T> T withoutHttpClientDebug(Callable<T> body) throws Exception {
        start();
        Logger httpClient = (Logger) LoggerFactory.getLogger(HTTPCLIENT_LOGGERS);
        httpClient.setLevel(Level.INFO);
        try {
            return body.call();
        } finally {
            httpClient.setLevel(Level.DEBUG);
        }
    }

    /** A value that must appear nowhere: a password, a TOTP secret. */
    public static synchronized void secret(String value) {
        secrets.add(value);
    }

    /** The message chain and {@code toString()} of an exception a test met. */
    public static void exception(Throwable error) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            s.append(t).append(" | ");
        }
        text(s.toString());
    }

    /** The {@code toString()} of an object a user could log: a keeper, a token, a configuration, stats. */
    public static synchronized void text(Object value) {
        texts.add(String.valueOf(value));
    }

    /** Takes from a server, before it is closed, the identityTokens and access tokens it saw, and its violations. */
    public static synchronized void harvest(IdentityServer server) {
        secrets.addAll(server.counters().identityTokensSeen());
        for (String header : server.counters().authorizationHeadersSeen()) {
            accessTokens.add(header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : header);
        }
        for (String violation : server.counters().protocolViolations()) {
            violations.add(server + ": " + violation);
        }
        serversHarvested++;
    }

    public static synchronized List<String> logLines() {
        start();
        return logs.lines();
    }

    public static synchronized Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    public static synchronized Set<String> accessTokens() {
        return Set.copyOf(accessTokens);
    }

    public static synchronized List<String> texts() {
        return List.copyOf(texts);
    }

    public static synchronized List<String> protocolViolations() {
        return List.copyOf(violations);
    }

    public static synchronized int serversHarvested() {
        return serversHarvested;
    }
}
