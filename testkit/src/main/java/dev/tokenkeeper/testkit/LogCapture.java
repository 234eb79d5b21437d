package dev.tokenkeeper.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures everything the named loggers write at DEBUG and above (messages and exception messages),
 * so tests can assert that no secret reaches a log line. Restores levels and additivity on close.
 *
 * <p>Needs Logback Classic on the class path: the testkit declares it optional, so a module whose tests
 * use this adds {@code logback-classic} in test scope. Nothing else in the testkit touches it.
 */
public final class LogCapture implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String... loggerNames) {
        appender.start();
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            loggers.add(logger);
            previousLevels.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender);
            logger.setAdditive(false); // keep the console quiet
        }
    }

    /** Starts capturing the named loggers (and their children) at DEBUG. */
    public static LogCapture atDebug(String... loggerNames) {
        return new LogCapture(loggerNames);
    }

    /** Every captured line: level, logger, formatted message, and the messages of any exception chain. */
    public synchronized List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        return events.stream().map(LogCapture::render).collect(Collectors.toList());
    }

    /** All captured lines as one text. */
    public String text() {
        return String.join("\n", lines());
    }

    private static String render(ILoggingEvent event) {
        StringBuilder s = new StringBuilder()
                .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ")
                .append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            s.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return s.toString();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            Logger logger = loggers.get(i);
            logger.detachAppender(appender);
            logger.setLevel(previousLevels.get(i));
            logger.setAdditive(true);
        }
        appender.stop();
    }
}
