package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitosync.model.Operation;

class MigrateCommandTest {

    static LocalAws aws;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(60);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void aDryRunWritesNothingThenMigrateCopiesExactlyASecondRunWritesNothingAndVerifyMatches() throws IOException {
        Cli.Result dryRun = Cli.run(args("migrate", "dry.json", "--dry-run"));
        long itemsAfterDryRun = aws.dynamoDbClient().scan(s -> s.tableName(LocalAws.TABLE).select("COUNT")).count();
        Cli.Result first = Cli.run(args("migrate", "first.json"));
        long records = SourceTruth.assertStoreEqualsSource(aws);
        Cli.Result second = Cli.run(args("migrate", "second.json"));
        Cli.Result verify = Cli.run(args("verify", "verify.json"));

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(itemsAfterDryRun).isZero();
        assertThat(report("dry.json").path("mode").asText()).isEqualTo("full-dry-run");
        assertThat(report("dry.json").path("counts").path("recordsWritten").asLong()).isEqualTo(records);
        assertThat(dryRun.out()).as("a dry run says what a pass would write, not what it wrote")
                .contains(String.format(Locale.ROOT, "to write %,d, already current 0", records), "bytes to write")
                .doesNotContain("written");
        assertThat(first.out()).contains(String.format(Locale.ROOT, "written %,d, already current 0", records),
                "bytes written").doesNotContain("to write");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode report = report("first.json");
        assertThat(report.path("counts").path("identities").asLong()).isEqualTo(60);
        assertThat(report.path("counts").path("recordsWritten").asLong()).isEqualTo(records);
        assertThat(report.path("counts").path("failures").asLong()).isZero();
        assertThat(first.out()).contains("completed, verified");
        assertThat(report.path("metrics").path("syncshift.recordsWritten").path("count").asLong())
                .isEqualTo(records);
        assertThat(report.path("metrics").fieldNames()).toIterable()
                .anySatisfy(meter -> assertThat(meter).startsWith("spring.batch.chunk.write"));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(report("second.json").path("counts").path("recordsWritten").asLong()).isZero();
        assertThat(report("second.json").path("counts").path("records").asLong()).isEqualTo(records);
        assertThat(records).isGreaterThan(1_000);
        assertThat(second.out()).contains(String.format(Locale.ROOT, "written 0, already current %,d", records));
        assertThat(report("second.json").path("runId").asLong()).isEqualTo(2);
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).as("verify writes nothing: its summary says what a pass would write")
                .contains(String.format(Locale.ROOT, "to write 0, already current %,d", records), "bytes to write")
                .doesNotContain("written");
        assertThat(report("verify.json").path("counts").path("mismatches").asLong()).isZero();
    }

    @Test
    void aReportThatCannotBeWrittenAtTheEndIsOneLineAndTheRunKeepsItsExitCode() throws IOException {
        // passes the check before the run (nothing is there yet, and its folder may be written), fails at the end
        Path report = Files.createSymbolicLink(work.resolve("report.json"), work.resolve("gone/report.json"));

        Cli.Result result = Cli.run(args("migrate", "report.json", "--dry-run"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("syncshift-migrator: cannot write the report to " + report
                + ": no such file or folder").doesNotContain("Exception", "\tat ");
        assertThat(result.out()).contains("completed, verified");
    }

    /**
     * The preflight's DescribeTable of a table that {@code --create-table} then makes is answered "no such table",
     * which the run expects: no call failed after its retries.
     */
    @Test
    void theLookForATableTheRunCreatesIsNoFailedCall() throws IOException {
        String[] args = args("migrate", "created.json", "--create-table");
        args[List.of(args).indexOf(LocalAws.TABLE)] = "created-by-the-run";

        Cli.Result result = Cli.run(args);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("created table created-by-the-run");
        JsonNode calls = report("created.json").path("calls");
        assertThat(calls.path("CreateTable").path("calls").asLong()).isEqualTo(1);
        assertThat(calls.path("DescribeTable").path("calls").asLong()).isPositive();
        assertThat(calls.findValues("failedAfterRetries")).as(calls.toString()).allMatch(n -> n.asLong() == 0);
    }

    /**
     * A delta pass after Cognito Sync deleted one of an identity's datasets, and deleted then re-created another:
     * the deletion is counted as deleted, not copied, the re-created dataset as copied (its new incarnation is), and
     * the datasets row still adds up to the datasets looked at.
     */
    @Test
    void aDeltaPassCountsADatasetCognitoDeletedAsDeletedAndOneReCreatedAsCopied() throws IOException {
        try (LocalAws own = LocalAws.start(4)) {
            Cli.Result full = Cli.run(args(own, "migrate", "full.json"));
            String pool = LocalAws.POOL.value();
            // ordinary datasets: a merged copy's changes arrive as revisions, its counts not being Cognito's
            IdentityId identity = SourceTruth.identities(own.source()).stream()
                    .filter(id -> ordinaryDatasets(own, id).size() >= 2).findFirst().orElseThrow();
            List<String> names = ordinaryDatasets(own, identity);
            names.subList(0, 2).forEach(name -> own.syncClient().deleteDataset(r -> r.identityPoolId(pool)
                    .identityId(identity.value()).datasetName(name)));
            String token = own.syncClient().listRecords(r -> r.identityPoolId(pool).identityId(identity.value())
                    .datasetName(names.get(1))).syncSessionToken();
            own.syncClient().updateRecords(r -> r.identityPoolId(pool).identityId(identity.value())
                    .datasetName(names.get(1)).syncSessionToken(token)
                    .recordPatches(p -> p.op(Operation.REPLACE).key("again").value("re-created").syncCount(0L)));
            Cli.Result delta = Cli.run(args(own, "migrate", "delta.json", "--mode", "delta"));

            assertThat(full.exitCode()).as(full.err()).isZero();
            assertThat(delta.exitCode()).as(delta.err()).isZero();
            long datasets = report("full.json").path("counts").path("datasets").asLong();
            JsonNode counts = report("delta.json").path("counts");
            assertThat(counts.path("datasets").asLong()).as(counts.toString()).isEqualTo(datasets);
            assertThat(List.of(counts.path("datasetsCopied").asLong(), counts.path("datasetsRevised").asLong(),
                    counts.path("datasetsCurrent").asLong(), counts.path("datasetsDeleted").asLong()))
                    .as(counts.toString()).containsExactly(1L, 0L, datasets - 2, 1L);
            assertThat(delta.out()).contains(String.format(Locale.ROOT,
                    "copied 1, revised 0, current %,d, deleted 1", datasets - 2));
            SourceTruth.assertStoreEqualsSource(own);
        }
    }

    private static List<String> ordinaryDatasets(LocalAws aws, IdentityId identity) {
        return aws.source().listDatasets(identity).stream().filter(d -> !d.name().isMergedCopyName())
                .map(d -> d.name().value()).toList();
    }

    /**
     * A well-formed pool id the service does not have: {@code check} and {@code migrate} say so in one line, as the
     * service names it, with what to do, and stop with the unavailable code before anything is written.
     */
    @Test
    void aPoolTheServiceDoesNotHaveIsOneLineInTheServicesWordsAndExitThree() {
        String missing = "us-east-1:0a1b2c3d-0000-4000-8000-00000000dead";
        List<String> checkArgs = List.of("check", "--identity-pool-id", missing, "--table", LocalAws.TABLE,
                "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
                aws.dynamoDb().endpoint().toString(), "--region", "us-east-1");
        String[] migrateArgs = args("migrate", "missing.json");
        migrateArgs[List.of(migrateArgs).indexOf(LocalAws.POOL.value())] = missing;

        Cli.Result check = Cli.run(checkArgs.toArray(String[]::new));
        Cli.Result migrate = Cli.run(migrateArgs);

        String line = "source: ResourceNotFoundException: IdentityPool '" + missing + "' not found. Check the "
                + "pool id: the account of these credentials has no identity pool of that id in us-east-1 (the "
                + "region the id names)";
        assertThat(check.exitCode()).as(check.err()).isEqualTo(3);
        assertThat(check.err().lines().filter(l -> l.contains(missing))).as(check.err())
                .containsExactly("problem: " + line);
        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(3);
        assertThat(migrate.err().lines().toList()).as(migrate.err()).containsExactly("syncshift-migrator: " + line);
        assertThat(check.err() + migrate.err()).doesNotContain("Service:", "Status Code", "Request ID", "\tat ");
        assertThat(work.resolve("missing.json")).doesNotExist();
    }

    private String[] args(String command, String reportName, String... more) {
        return args(aws, command, reportName, more);
    }

    private String[] args(LocalAws on, String command, String reportName, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--identity-pool-id", LocalAws.POOL.value(),
                "--table", LocalAws.TABLE, "--cognito-endpoint", on.cognito().endpoint().toString(),
                "--dynamodb-endpoint", on.dynamoDb().endpoint().toString(), "--region", "us-east-1",
                "--work-dir", work.toString(), "--report", work.resolve(reportName).toString(), "--threads", "4",
                "--progress", "off"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private JsonNode report(String name) throws IOException {
        return new ObjectMapper().readTree(work.resolve(name).toFile());
    }
}
