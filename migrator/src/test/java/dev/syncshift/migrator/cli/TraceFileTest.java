package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts of the command line against the same H2 job repository write nothing to H2's trace file
 * ({@code job-repository.trace.db}), where H2 writes every statement that failed: a start that meets the repository
 * it made before has no failing statement to run.
 */
class TraceFileTest {

    @TempDir
    Path work;

    @Test
    void startsAgainstTheSameJobRepositoryWriteNoTrace() throws Exception {
        try (LocalAws aws = LocalAws.start(3)) {
            Path log = work.resolve("child.log");
            for (int start = 1; start <= 2; start++) {
                Process child = ChildMigrator.start(log, ChildMigrator.migrate(aws, work));
                assertThat(child.waitFor(3, TimeUnit.MINUTES)).as(Files.readString(log)).isTrue();
                assertThat(child.exitValue()).as(Files.readString(log)).isZero();
            }
            assertThat(Files.readString(log)).contains("Starting run 2");
            Path trace = work.resolve("job-repository.trace.db");
            assertThat(trace).as(() -> readable(trace)).doesNotExist();
        }
    }

    private static String readable(Path trace) {
        try {
            return Files.exists(trace) ? Files.readString(trace) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
