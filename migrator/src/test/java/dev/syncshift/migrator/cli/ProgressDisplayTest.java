package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.report.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The progress line: the whole run's figures (a restarted run's earlier work, a manager's workers' work), the total
 * once the enumeration is done, and an ETA only from what this start did.
 */
class ProgressDisplayTest {

    @ParameterizedTest
    @CsvSource({"0, 0s", "59, 59s", "60, 1m 00s", "250, 4m 10s", "3599, 59m 59s", "3600, 1h 00m",
        "33360, 9h 16m", "360000, 100h 00m"})
    void anEtaIsWrittenInHoursMinutesAndSeconds(long seconds, String shown) {
        assertThat(ProgressDisplay.duration(seconds)).isEqualTo(shown);
    }

    @Test
    void whileTheEnumerationRunsTheTotalIsWhatWasListedSoFarAndThereIsNoEta() {
        Progress progress = new Progress();
        progress.started(Progress.Figures.NONE);
        progress.update(new Progress.Figures(600, false, 120, 3_400));

        assertThat(lineOf(progress)).startsWith("progress: 120 identities of 600 listed so far, 3,400 records, ")
                .doesNotContain("ETA");
    }

    @Test
    void onceEnumeratedTheTotalIsKnownAndTheEtaComesFromThisStartsPace() {
        Progress progress = new Progress();
        progress.started(Progress.Figures.NONE);
        progress.update(new Progress.Figures(1_500, true, 300, 9_000));

        assertThat(lineOf(progress)).startsWith("progress: 300 identities of 1,500, 9,000 records, ")
                .containsPattern(", ETA \\d+[smh]");
    }

    @Test
    void aRestartedRunCountsItsEarlierWorkButNotIntoThisStartsRate() {
        Progress progress = new Progress();
        Progress.Figures before = new Progress.Figures(1_500, true, 1_260, 35_710);
        progress.started(before);

        assertThat(lineOf(progress)).isEqualTo("progress: 1,260 identities of 1,500, 35,710 records, 0 records/s");
    }

    @Test
    void linesEndWithTheRunsLastFigures() {
        Progress progress = new Progress();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressDisplay display = ProgressDisplay.start(progress, "lines",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.started(Progress.Figures.NONE);
        progress.update(new Progress.Figures(30, true, 30, 700));
        display.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("progress: 30 identities of 30, 700 records, ")
                .doesNotContain("ETA").hasLineCount(1);
    }

    private static String lineOf(Progress progress) {
        try (ProgressDisplay display = ProgressDisplay.start(progress, "off", System.err)) {
            return display.line();
        }
    }
}
