package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) mid-run ends the run as SIGTERM does ({@link StopRestartTest}), and the process exits with the code
 * its summary and report give, 4 (incomplete), not SIGINT's 130.
 */
class CtrlCTest {

    @TempDir
    Path work;

    @Test
    void ctrlCEndsTheRunAndTheProcessExitsWithTheSummarysCode() throws Exception {
        Assumptions.assumeFalse(sigintIgnored(), "this JVM ignores SIGINT (a background job of a shell without job "
                + "control), and so do the processes it starts");
        try (LocalAws aws = LocalAws.start(config -> config.generate(80).identityPoolId(LocalAws.POOL.value()).seed(3)
                .latencyMs(2))) {
            Path log = work.resolve("interrupted.log");
            Process child = ChildMigrator.start(log, ChildMigrator.migrate(aws, work));
            ChildMigrator.awaitItems(child, aws, 100);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor(1, TimeUnit.MINUTES) && kill.exitValue() == 0).as("SIGINT sent").isTrue();
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the interrupted process exits").isTrue();

            String said = Files.readString(log);
            assertThat(child.exitValue()).as(said).isEqualTo(ExitCode.INCOMPLETE.code());
            assertThat(said).contains("Stopping: ending run 1",
                    "STOPPED (" + ExitCode.INCOMPLETE.meaning() + ", exit 4)");
            JsonNode report = new ObjectMapper().readTree(work.resolve("report.json").toFile());
            assertThat(report.path("status").asText()).isEqualTo("STOPPED");
            assertThat(report.path("exitCode").asInt()).isEqualTo(child.exitValue());
        }
    }

    /** Whether this process ignores SIGINT, which a child then does too (Linux's {@code /proc}; false elsewhere). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> (mask & 1L << 1) != 0); // signal n is bit n - 1; SIGINT is 2
    }
}
