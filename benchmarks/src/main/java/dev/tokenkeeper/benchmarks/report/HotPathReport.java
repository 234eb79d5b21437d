package dev.tokenkeeper.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a JMH JSON result file of the hot-path benchmark into the README's table (printed, Markdown) and
 * chart (PNG).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.tokenkeeper.benchmarks.report.HotPathReport \
 *      hotpath.json hotpath.png ["subtitle"]
 * </pre>
 */
public final class HotPathReport {

    private HotPathReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: HotPathReport <jmh-result.json> <chart.png> [subtitle]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Path json = Path.of(args[0]);
        Path png = Path.of(args[1]);
        String subtitle = args.length > 2 ? args[2] : "from " + json.getFileName();

        List<JmhResult> results = JmhResult.read(json);
        List<Comparison.Group> groups = Comparison.of(results);
        if (groups.isEmpty()) {
            System.err.println(json + " holds no group with a Baseline benchmark; nothing to compare");
            System.exit(1);
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BarChart.write(groups, subtitle, png);
        System.out.print(Comparison.markdown(groups));
        String others = Comparison.others(results, groups);
        if (!others.isEmpty()) {
            System.out.println();
            System.out.print(others);
        }
        System.err.println("wrote " + png);
    }
}
