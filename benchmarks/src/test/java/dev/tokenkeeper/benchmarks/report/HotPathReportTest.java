package dev.tokenkeeper.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report reads JMH's JSON, compares each variant with the baseline of its own group, and draws it. */
class HotPathReportTest {

    @TempDir
    Path dir;

    @Test
    void groupsByOperationAndThreadsWithRatiosToTheSameGroupsBaseline() throws Exception {
        List<JmhResult> results = JmhResult.read(sample());
        List<Comparison.Group> groups = Comparison.of(results);

        assertThat(groups).extracting(Comparison.Group::title)
                .containsExactly("header on a fresh request, 1 thread", "header on a fresh request, 4 threads");
        Comparison.Row tokenkeeper = groups.get(0).rows().get(1);
        assertThat(tokenkeeper.variant()).isEqualTo("Tokenkeeper");
        assertThat(tokenkeeper.ratio()).isEqualTo(1.2);
        assertThat(tokenkeeper.extraTime()).isEqualTo(10.0);
        assertThat(Comparison.bytes(tokenkeeper.extraBytesPerOp())).isEqualTo("0");
        assertThat(groups.get(1).rows().get(1).ratio()).isEqualTo(1.5);

        String table = Comparison.markdown(groups);
        assertThat(table).contains("| request | 1 | tokenkeeper | 60.0 ns/op | n/a | 1.20× | +10.0 ns | 384 | 0 |");
        assertThat(table).contains("| request | 4 | Google OAuth2Credentials | 150.0 ns/op | 5.0 | 1.50× | +50.0 ns | n/a | n/a |");
        assertThat(Comparison.others(results, groups)).contains("| ClockCost.nanoTime | 1 | 24.0 ns/op | 1.0 | n/a |");
    }

    @Test
    void drawsAPng() throws Exception {
        Path png = dir.resolve("chart.png");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            HotPathReport.main(new String[] {sample().toString(), png.toString(), "test"});
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("| operation | threads | variant |");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(image.getHeight()).isGreaterThan(200);
    }

    private static Path sample() throws URISyntaxException {
        return Path.of(HotPathReportTest.class.getResource("/jmh-sample.json").toURI());
    }
}
