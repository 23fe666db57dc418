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
 * Runs whose threads ask far more than a service gives: they slow down to what it admits and complete exactly,
 * throttled calls retried until admitted, never given up because many were throttled at once, and the pace each
 * throttled operation settled at is reported (a hint for {@code --max-rps} next time).
 */
class QuotasTest {

    /** Enough for the 48 threads to be throttled together; ListDatasets and ListRecords at 16/s take 3.75 s each. */
    private static final int IDENTITIES = 60;
    private static final String THROTTLED_SUMMARY = "throttled calls +[0-9,]+  retries [0-9,]+, paced (.*, )?";

    @TempDir
    Path work;

    /**
     * AWS publishes no request rate for Cognito Sync: here, 16 ListDatasets and 16 ListRecords a second, where the 48
     * threads ask 48 at once.
     */
    @Test
    void aRunWhoseThreadsAskFarMoreThanTheSourcesQuotaSlowsDownAndCompletes() throws IOException {
        try (LocalAws aws = LocalAws.start(config -> config.generate(IDENTITIES).identityPoolId(LocalAws.POOL.value())
                .generateShape(SyntheticPool.Shape.parse("1x2"))
                .throttleRps("ListDatasets", 16).throttleRps("ListRecords", 16))) {
            Cli.Result run = migrateWith48Threads(aws);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            SourceTruth.assertStoreEqualsSourceAtFullSpeed(aws);
            JsonNode calls = calls();
            assertThat(calls.path("ListDatasets").path("calls").asLong()).isEqualTo(IDENTITIES);
            assertThat(calls.path("ListDatasets").path("throttled").asLong()).as(calls.toString()).isPositive();
            assertThat(calls.path("ListRecords").path("failedAfterRetries").asLong()).isZero();
            // The pace the run found is reported: a hint of the quota, and a --max-rps to try next time.
            assertThat(calls.path("ListDatasets").path("pacedRps").asDouble()).as(calls.toString()).isPositive();
            assertThat(run.out()).containsPattern(THROTTLED_SUMMARY + "ListDatasets [0-9.]+/s");
        }
    }

    /**
     * A table with a write capacity (provisioned, or new on demand) of 12 transactions a second, where the 48
     * threads have 40 datasets to write at once. DynamoDB names the throttle only in the answer's body: the cancelled
     * transaction's reasons.
     */
    @Test
    void aRunWhoseThreadsWriteFarFasterThanTheTablesCapacitySlowsDownAndCompletes() throws IOException {
        try (LocalAws aws = LocalAws.start(config -> config.generate(IDENTITIES * 2 / 3)
                .identityPoolId(LocalAws.POOL.value()).generateShape(SyntheticPool.Shape.parse("1x2")))) {
            aws.dynamoDb().throttleTransactions(12);
            Cli.Result run = migrateWith48Threads(aws);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            SourceTruth.assertStoreEqualsSource(aws);
            JsonNode writes = calls().path("TransactWriteItems");
            assertThat(writes.path("throttled").asLong()).as(writes.toString()).isPositive();
            assertThat(writes.path("failedAfterRetries").asLong()).isZero();
            assertThat(writes.path("pacedRps").asDouble()).as(writes.toString()).isPositive();
            assertThat(run.out()).containsPattern(THROTTLED_SUMMARY + "TransactWriteItems [0-9.]+/s");
        }
    }

    private Cli.Result migrateWith48Threads(LocalAws aws) {
        List<String> args = new ArrayList<>(ChildMigrator.migrate(aws, work));
        args.set(args.indexOf("--threads") + 1, "48");
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode calls() throws IOException {
        return new ObjectMapper().readTree(work.resolve("report.json").toFile()).path("calls");
    }
}
