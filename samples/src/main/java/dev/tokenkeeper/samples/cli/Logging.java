package dev.tokenkeeper.samples.cli;

/**
 * Sets the level of the SLF4J binding the jar ships (slf4j-simple), before the first logger exists.
 *
 * <p>slf4j-simple reads its configuration once, when the first logger is created, from system
 * properties and {@code simplelogger.properties} (which sets the format and keeps HttpClient's wire and
 * header loggers quiet, since those would print the {@code Authorization} header). So the commands call
 * {@link #init} first thing, before they touch any class that logs. In a JVM where logging has already
 * started (a test running several commands in-process) a later call changes nothing.
 */
public final class Logging {

    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {
    }

    /**
     * @param verbose      DEBUG for everything but HttpClient's wire and header loggers
     * @param quietLevel   the level otherwise ({@code warn}, {@code error}), unless the user chose one
     *                     with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel}
     */
    public static void init(boolean verbose, String quietLevel) {
        if (verbose) {
            System.setProperty(LEVEL_PROPERTY, "debug");
        } else if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, quietLevel);
        }
    }
}
