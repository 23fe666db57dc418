package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS publishes no request rate for Cognito Sync. Against one whose ListDatasets and ListRecords quotas are far
 * below what the run's threads ask for, the run slows down to them and completes exactly: throttled calls are
 * retried until the quota admits them, never given up because many calls were throttled at once.
 */
class UnpublishedQuotaTest {

    private static final int IDENTITIES = 120;

    @TempDir
    Path work;

    @Test
    void aRunWhoseThreadsAskFarMoreThanTheSourcesQuotaSlowsDownAndCompletes() throws IOException {
        try (LocalAws aws = LocalAws.start(config -> config.generate(IDENTITIES).identityPoolId(LocalAws.POOL.value())
                .generateShape(SyntheticPool.Shape.parse("1x2"))
                .throttleRps("ListDatasets", 8).throttleRps("ListRecords", 8))) {
            List<String> args = new ArrayList<>(ChildMigrator.migrate(aws, work));
            args.set(args.indexOf("--threads") + 1, "48");
            Cli.Result run = Cli.run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            try (LocalAws unthrottled = aws.unthrottled(work.resolve("source.json"))) {
                SourceTruth.assertStoreEqualsSource(unthrottled);
            }
            JsonNode calls = new ObjectMapper().readTree(work.resolve("report.json").toFile()).path("calls");
            assertThat(calls.path("ListDatasets").path("calls").asLong()).isEqualTo(IDENTITIES);
            assertThat(calls.path("ListDatasets").path("throttled").asLong()).as(calls.toString()).isPositive();
            assertThat(calls.path("ListRecords").path("failedAfterRetries").asLong()).isZero();
            // The pace the run found is reported: a hint of the quota, and a --max-rps to try next time.
            assertThat(calls.path("ListDatasets").path("pacedRps").asDouble()).as(calls.toString()).isPositive();
            assertThat(run.out()).containsPattern("throttled calls +[0-9,]+  retries [0-9,]+, paced (.*, )?"
                    + "ListDatasets [0-9.]+/s");
        }
    }
}
