package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.io.IOException;
import java.nio.file.Path;
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
            Path report = work.resolve("run.json");
            Cli.Result run = Cli.run("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", LocalAws.TABLE,
                    "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
                    aws.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir", work.toString(),
                    "--threads", "48", "--progress", "off", "--report", report.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            try (LocalAws unthrottled = aws.unthrottled(work.resolve("source.json"))) {
                SourceTruth.assertStoreEqualsSource(unthrottled);
            }
            JsonNode calls = new ObjectMapper().readTree(report.toFile()).path("calls");
            assertThat(calls.path("ListDatasets").path("calls").asLong()).isEqualTo(IDENTITIES);
            assertThat(calls.path("ListDatasets").path("throttled").asLong()).as(calls.toString()).isPositive();
            assertThat(calls.path("ListRecords").path("failedAfterRetries").asLong()).isZero();
            // The pace the run found is reported, for the operator to start the next run at (--max-rps).
            assertThat(calls.path("ListDatasets").path("pacedRps").asDouble()).as(calls.toString()).isPositive();
            assertThat(run.out()).containsPattern("throttled calls +[0-9,]+  retries [0-9,]+, paced (.*, )?"
                    + "ListDatasets [0-9.]+/s");
        }
    }
}
