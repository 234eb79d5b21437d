package dev.tokenkeeper.samples.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Prints the demo's plain lines, each with the demo clock's time of day. */
final class Narrator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneId.systemDefault());
    private static final String INDENT = "            ";

    private final PrintWriter out;
    private final Clock clock;

    Narrator(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** {@code instant} as this narrator prints times of day. */
    static String timeOfDay(Instant instant) {
        return TIME.format(instant);
    }

    /** A section title, after a blank line. */
    void section(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    /** A timestamped line. */
    void say(String text) {
        out.println(TIME.format(clock.instant()) + "  " + text);
        out.flush();
    }

    /** A line that explains the one before it, indented under its text, no timestamp. */
    void note(String text) {
        out.println(INDENT + text);
        out.flush();
    }
}
