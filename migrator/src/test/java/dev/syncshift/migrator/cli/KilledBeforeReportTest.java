package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL after its run completed but before it wrote the run's report: the same command
 * writes that run's report instead of starting the next run, and the command after it starts the next run. The kill
 * comes exactly there: the report's file is a named pipe that nobody reads, whose opening holds the process until it
 * is killed.
 */
class KilledBeforeReportTest {

    static final int IDENTITIES = 6;

    @TempDir
    Path work;

    @Test
    void aRunCompletedByAProcessKilledBeforeItsReportGetsItFromTheSameCommand() throws Exception {
        try (LocalAws aws = LocalAws.start(IDENTITIES)) {
            Path log = work.resolve("child.log");
            Path report = work.resolve("report.json");
            assertThat(new ProcessBuilder("mkfifo", report.toString()).start().waitFor()).isZero();
            Process killed = ChildMigrator.start(log, ChildMigrator.migrate(aws, work));
            // the summary's last line names the report's file, which the process opens next
            String summaryEnd = String.format(Locale.ROOT, "  %-16s %s", "report", report);
            while (killed.isAlive() && !new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .contains(summaryEnd)) {
                killed.waitFor(20, TimeUnit.MILLISECONDS);
            }
            assertThat(killed.isAlive()).as(Files.readString(log)).isTrue();
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Files.delete(report);

            assertThat(migrate(aws, log)).as(Files.readString(log)).isZero();
            JsonNode late = new ObjectMapper().readTree(report.toFile());
            assertThat(late.path("runId").asLong()).as(Files.readString(log)).isEqualTo(1);
            assertThat(late.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(late.path("counts").path("identities").asLong()).isEqualTo(IDENTITIES);
            assertThat(late.path("counts").path("recordsWritten").asLong()).isPositive();
            assertThat(Files.readString(log)).contains("Run 1 of pool " + LocalAws.POOL.value()
                    + " (full) completed, but its process ended before it wrote the run's report");

            assertThat(migrate(aws, log)).as(Files.readString(log)).isZero();
            JsonNode next = new ObjectMapper().readTree(report.toFile());
            assertThat(next.path("runId").asLong()).isEqualTo(2);
            assertThat(next.path("counts").path("recordsWritten").asLong()).isZero();
        }
    }

    /** Runs the same command to its end; returns its exit code. */
    private int migrate(LocalAws aws, Path log) throws IOException, InterruptedException {
        Process child = ChildMigrator.start(log, ChildMigrator.migrate(aws, work));
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as(Files.readString(log)).isTrue();
        return child.exitValue();
    }
}
