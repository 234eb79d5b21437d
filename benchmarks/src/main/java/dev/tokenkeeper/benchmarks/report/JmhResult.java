package dev.tokenkeeper.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's line from JMH's JSON result file ({@code -rf json}).
 *
 * @param benchmark  the fully qualified {@code Class.method}
 * @param threads    threads the benchmark ran on
 * @param score      the primary score (for {@code avgt}: time per op)
 * @param scoreError the half-width of the 99.9 % confidence interval, NaN when JMH had too few samples
 * @param unit       the score's unit, e.g. {@code ns/op}
 * @param bytesPerOp {@code gc.alloc.rate.norm} from {@code -prof gc}, NaN when the profiler was off
 */
public record JmhResult(String benchmark, int threads, double score, double scoreError, String unit, double bytesPerOp) {

    /** The simple class name, e.g. {@code HotPathT1}. */
    public String className() {
        String qualifiedClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return qualifiedClass.substring(qualifiedClass.lastIndexOf('.') + 1);
    }

    /** The method name, e.g. {@code requestTokenkeeper}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Reads every result of a JMH JSON file, in file order. */
    public static List<JmhResult> read(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode run : root) {
            JsonNode primary = run.path("primaryMetric");
            JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
            results.add(new JmhResult(
                    run.path("benchmark").asText(),
                    run.path("threads").asInt(1),
                    primary.path("score").asDouble(),
                    number(primary.path("scoreError")),
                    primary.path("scoreUnit").asText(),
                    alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble()));
        }
        return results;
    }

    /** JMH writes {@code "NaN"} as a string when it cannot compute an error. */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
