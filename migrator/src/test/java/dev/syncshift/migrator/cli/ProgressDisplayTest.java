package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The progress line's ETA reads as a person reads a time left: a run of hours is not 33,360 seconds. */
class ProgressDisplayTest {

    @ParameterizedTest
    @CsvSource({"0, 0s", "59, 59s", "60, 1m 00s", "250, 4m 10s", "3599, 59m 59s", "3600, 1h 00m",
        "33360, 9h 16m", "360000, 100h 00m"})
    void anEtaIsWrittenInHoursMinutesAndSeconds(long seconds, String shown) {
        assertThat(ProgressDisplay.duration(seconds)).isEqualTo(shown);
    }
}
