package dev.tokenkeeper.benchmarks.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a driver prints: an aligned text table for people and a JSON document for tools, both on
 * standard output (and the JSON also in a file with {@code --json=path}). The JSON carries the machine
 * (cores, memory, JDK, load average) next to the figures, so a result is never read without its context.
 */
public final class Report {

    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String driver, String title, List<String> columns, Map<String, Object> parameters) {
        this.title = title;
        this.columns = List.copyOf(columns);
        json.put("driver", driver);
        json.put("startedAt", Instant.now().toString());
        json.put("machine", machine());
        json.put("parameters", parameters);
    }

    /** Adds a table row; values are formatted with {@link #cell}. */
    public void row(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object v : values) {
            row.add(cell(v));
        }
        rows.add(row);
    }

    /** A named value in the JSON document (a number, a string, a list or a map of those). */
    public void put(String key, Object value) {
        json.put(key, value);
    }

    /** A line printed under the table (and kept in the JSON's {@code notes}). */
    public void note(String line) {
        notes.add(line);
    }

    /** Prints the table, the notes and the JSON; writes the JSON to {@code jsonFile} when not null. */
    public void print(PrintStream out, Path jsonFile) throws IOException {
        json.put("machineAfter", Map.of("loadAverage1m", loadAverage()));
        json.put("notes", notes);
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println();
        out.println(title);
        out.println(line(columns, widths));
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        for (String note : notes) {
            out.println("  " + note);
        }
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        out.println();
        out.println("JSON:");
        out.println(text);
        if (jsonFile != null) {
            Path parent = jsonFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(jsonFile, text + System.lineSeparator());
            out.println("(also written to " + jsonFile + ")");
        }
    }

    /** Numbers with sensible precision, everything else as text. */
    public static String cell(Object v) {
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", d);
        }
        return String.valueOf(v);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(i == 0 ? pad(c, widths[i]) : padLeft(c, widths[i])).append("  ");
        }
        return b.toString().stripTrailing();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("physicalMemoryMiB", os.getTotalMemorySize() >> 20);
        }
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("loadAverage1m", loadAverage());
        return m;
    }

    private static double loadAverage() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return Math.round(os.getSystemLoadAverage() * 100) / 100.0;
    }
}
