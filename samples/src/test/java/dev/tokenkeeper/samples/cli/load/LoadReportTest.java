package dev.tokenkeeper.samples.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void jsonHasTheDocumentedKeysInOrderOnOneLine() {
        LoadReport report = new LoadReport(10, 7, Map.of("401", 1L, "200", 7L), Map.of("ConnectException", 2L),
                3, 1, 1, 412_345, 9_876_543, 12_000_000, 250);

        assertThat(report.toJson()).isEqualTo("{\"requests\":10,\"ok\":7,\"status\":{\"200\":7,\"401\":1},"
                + "\"errors\":{\"ConnectException\":2},\"logins\":3,\"refreshes\":1,\"replays\":1,"
                + "\"p50Ms\":0.412,\"p99Ms\":9.877,\"maxMs\":12.000,\"durationMs\":250}");
        assertThat(report.allOk()).isFalse();
    }

    @Test
    void allOkOnlyWhenEveryRequestGotTwoHundreds() {
        assertThat(new LoadReport(2, 2, Map.of("200", 2L), Map.of(), 1, 0, 0, 1, 1, 1, 1).allOk()).isTrue();
        assertThat(new LoadReport(2, 1, Map.of("200", 1L), Map.of("X", 1L), 1, 0, 0, 1, 1, 1, 1).allOk()).isFalse();
    }

    @Test
    void outcomesAddUpToTheRequestsSent() {
        Outcomes outcomes = new Outcomes();
        outcomes.status(200);
        outcomes.status(204);
        outcomes.status(401);
        outcomes.error("SocketTimeoutException");

        assertThat(outcomes.done()).isEqualTo(4);
        assertThat(outcomes.ok()).isEqualTo(2);
        assertThat(outcomes.statusCounts()).containsExactly(Map.entry("200", 1L), Map.entry("204", 1L), Map.entry("401", 1L));
        assertThat(outcomes.errorCounts()).containsExactly(Map.entry("SocketTimeoutException", 1L));
    }
}
