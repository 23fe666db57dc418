package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrator process stopped with SIGTERM mid-run (a platform stopping its container; Ctrl-C is the same, see
 * {@link CtrlCTest}) ends its run before it exits, with code 4 as its summary says: it writes the report of what it
 * did and says to run the same command again, which then continues the run as one that ended (not one whose process
 * died) and leaves the store equal to the source; its progress and report count the whole run, and its rates and AWS
 * calls only what it did itself. The same command started while the first runs is refused, and the first goes on.
 */
class StopRestartTest {

    static final int IDENTITIES = 80;

    static LocalAws aws;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(config -> config.generate(IDENTITIES).identityPoolId(LocalAws.POOL.value()).seed(12)
                .latencyMs(2));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void stoppedMidRunItReportsAndTheSameCommandContinues() throws Exception {
        Path stoppedLog = work.resolve("stopped.log");
        Process stopped = ChildMigrator.start(stoppedLog, ChildMigrator.migrate(aws, work));
        ChildMigrator.awaitItems(stopped, aws, 100);
        Cli.Result second = Cli.run(ChildMigrator.migrate(aws, work).toArray(String[]::new));
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(second.err().strip()).as("one line naming the work dir and the process that holds it")
                .isEqualTo("syncshift-migrator: the work dir " + work + " is in use by another syncshift-migrator"
                        + " (process " + stopped.pid() + "); let it end, or give this one another work dir"
                        + " (--work-dir)");
        assertThat(stopped.isAlive()).as("the running migrator goes on").isTrue();
        stopped.destroy();
        assertThat(stopped.waitFor(2, TimeUnit.MINUTES)).as("the stopped process exits").isTrue();

        String said = Files.readString(stoppedLog);
        assertThat(stopped.exitValue()).as("the exit status is the summary's, not SIGTERM's 143: %s", said)
                .isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(said).as(said).contains("Stopping: ending run 1").contains(ExitCode.INCOMPLETE.meaning());
        JsonNode partial = new ObjectMapper().readTree(work.resolve("report.json").toFile());
        assertThat(partial.path("exitCode").asInt()).as(said).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(partial.path("status").asText()).isEqualTo("STOPPED");
        assertThat(partial.path("failure").asText()).contains("asked to stop");
        assertThat(partial.path("counts").path("identities").asLong()).as("identities reported before the stop")
                .isPositive().isLessThan(IDENTITIES);

        Path lastLog = work.resolve("last.log");
        List<String> withProgress = new ArrayList<>(ChildMigrator.migrate(aws, work));
        withProgress.set(withProgress.indexOf("--progress") + 1, "lines");
        Process last = ChildMigrator.start(lastLog, withProgress);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).as("the second run ends").isTrue();
        String continued = Files.readString(lastLog);
        assertThat(last.exitValue()).as(continued).isZero();
        assertThat(continued).contains("Restarting run 1").doesNotContain("never ended");
        ChildMigrator.assertRunOneCopiedEverything(aws, work, IDENTITIES);

        JsonNode whole = new ObjectMapper().readTree(work.resolve("report.json").toFile());
        long records = whole.path("counts").path("records").asLong();
        assertThat(continued).as("the progress counts the whole run, the stopped start's work included")
                .containsPattern(String.format(Locale.ROOT, "progress: %d identities of %d, %,d records, ",
                        IDENTITIES, IDENTITIES, records));
        long before = partial.path("counts").path("records").asLong();
        assertThat(whole.path("thisStart").path("records").asLong()).as("what the continued start read itself")
                .isEqualTo(records - before);
        assertThat(whole.path("recordsPerSecond").asDouble()).isCloseTo(
                (records - before) / whole.path("durationSeconds").asDouble(), withPercentage(1));
        assertThat(continued).containsPattern(String.format(Locale.ROOT,
                "of this start: %,d identities, %,d records", IDENTITIES - partial.path("counts").path("identities")
                        .asLong(), records - before));
        assertThat(continued).as("the calls are this start's, as the rates are")
                .containsPattern("throttled calls .*; this start's calls, not the run's\n");
        assertThat(said).doesNotContain("this start's calls");
    }
}
