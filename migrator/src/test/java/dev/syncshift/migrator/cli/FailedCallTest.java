package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call that fails for good (here DynamoDB refusing the migrator's role a write, or cancelling a transaction for a
 * reason no retry passes) fails its partition. The jar's console says so in one line naming the partition and the
 * failure, with no stack trace, and the run ends with exit code 4; the same command then continues and completes the
 * run. A pool deleted while its identities are listed ends the enumeration the same way, and the partitions waiting
 * for it. A dataset DynamoDB refuses to store for what it holds fails alone: the run completes with exit code 5.
 */
class FailedCallTest {

    private static final int IDENTITIES = 6;
    private static final String DENIED = "User: arn:aws:sts::123456789012:assumed-role/syncshift-migrator/run is not "
            + "authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:"
            + "table/SyncStore because no identity-based policy allows the dynamodb:PutItem action";

    @TempDir
    Path work;

    @Test
    void aCallThatFailsForGoodEndsItsPartitionInOneLineAndTheSameCommandContinues() throws Exception {
        try (LocalAws aws = LocalAws.start(IDENTITIES)) {
            aws.dynamoDb().refuseTransaction("AccessDeniedException", DENIED);
            Run first = migrate(aws, "first");

            assertThat(first.exitCode()).as(first.output()).isEqualTo(4);
            assertThat(first.output().lines().filter(line -> line.contains(" failed: ")))
                    .as(first.output()).singleElement().asString()
                    .containsPattern("ERROR FailedStepLog +- Partition [0-3] failed: User: .* is not authorized to "
                            + "perform: dynamodb:PutItem .* \\(Service: DynamoDb, Status Code: 400, .*\\); "
                            + "run the same command again to continue$");
            assertThat(first.output()).contains("run did not complete: User: ")
                    .doesNotContain("\tat ", "Exception", "Suppressed", "... ");

            Run second = migrate(aws, "second");
            assertThat(second.exitCode()).as(second.output()).isZero();
            ChildMigrator.assertRunOneCopiedEverything(aws, work, IDENTITIES);
        }
    }

    @Test
    void aContinuedRunThatFailsAgainSaysWhyThisStartFailedNotWhyTheFirstDid() throws Exception {
        try (LocalAws aws = LocalAws.start(IDENTITIES)) {
            aws.dynamoDb().refuseTransaction("AccessDeniedException", DENIED);
            assertThat(migrate(aws, "first").output()).contains("run did not complete: User: ");

            aws.dynamoDb().cancelTransactions("ItemCollectionSizeLimitExceeded");
            Run second = migrate(aws, "second");

            assertThat(second.exitCode()).as(second.output()).isEqualTo(4);
            assertThat(second.output()).contains("Restarting run 1").doesNotContain("not authorized").containsPattern(
                    "run did not complete: Transaction cancelled, .* \\[ItemCollectionSizeLimitExceeded");
            JsonNode report = new ObjectMapper().readTree(work.resolve("report.json").toFile());
            assertThat(report.path("failure").asText()).contains("ItemCollectionSizeLimitExceeded");
        }
    }

    @Test
    void aDatasetDynamoDbRefusesToStoreIsReportedAndTheRunCompletesWithoutIt() throws Exception {
        try (LocalAws aws = LocalAws.start(IDENTITIES)) {
            aws.dynamoDb().cancelTransactions("ValidationError");
            Run first = migrate(aws, "first");

            assertThat(first.exitCode()).as(first.output()).isEqualTo(5);
            assertThat(first.output()).doesNotContain(" failed: ", "run did not complete").containsPattern(
                    "FAILURE us-east-1:[0-9a-f-]+/[^ ]+: DynamoDB refused to store it \\(ValidationError: "
                    + "ValidationError \\(injected by the test\\)\\): it is not copied, or only in part");
            JsonNode report = new ObjectMapper().readTree(work.resolve("report.json").toFile());
            assertThat(report.path("counts").path("failures").asLong()).isEqualTo(1);

            // A later pass copies it once DynamoDB takes it.
            Run second = migrate(aws, "second");
            assertThat(second.exitCode()).as(second.output()).isZero();
            SourceTruth.assertStoreEqualsSource(aws);
        }
    }

    @Test
    void aDatasetHoldingTextDynamoDbCannotStoreIsReportedAndTheOthersAreCopied() throws Exception {
        try (LocalAws aws = LocalAws.start(IDENTITIES)) {
            String identity = SourceTruth.identities(aws.source()).get(0).value();
            String pool = LocalAws.POOL.value();
            String token = aws.syncClient().listRecords(r -> r.identityPoolId(pool).identityId(identity)
                    .datasetName("notes")).syncSessionToken();
            aws.syncClient().updateRecords(r -> r.identityPoolId(pool).identityId(identity).datasetName("notes")
                    .syncSessionToken(token).recordPatches(p -> p.op(Operation.REPLACE).key("title")
                            .value("cut \ud83d").syncCount(0L)));
            Run run = migrate(aws, "first");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(5);
            assertThat(run.output()).doesNotContain("run did not complete").contains("FAILURE " + identity
                    + "/notes: the value of record 'title' holds text that is not valid Unicode (an unpaired "
                    + "surrogate, U+D83D, at character 5), which DynamoDB cannot store: it is not copied");
            JsonNode counts = new ObjectMapper().readTree(work.resolve("report.json").toFile()).path("counts");
            assertThat(counts.path("failures").asLong()).isEqualTo(1);
            assertThat(counts.path("datasetsCopied").asLong()).as(counts.toString()).isPositive();
        }
    }

    @Test
    void aPoolDeletedWhileItsIdentitiesAreListedEndsTheEnumerationAndThePartitionsInOneLineEach() throws Exception {
        try (LocalAws aws = LocalAws.start(config -> config.generate(600).identityPoolId(LocalAws.POOL.value())
                .generateShape(SyntheticPool.Shape.parse("1x1")))) {
            List<String> args = new ArrayList<>(ChildMigrator.migrate(aws, work));
            args.addAll(List.of("--max-rps", "ListIdentities=1"));
            Path log = work.resolve("run.log");
            Process run = ChildMigrator.start(log, args);
            // Ten pages of 60 at one a second: copying starts long before the last page is asked for.
            ChildMigrator.awaitItems(run, aws, 10);
            aws.identityClient().deleteIdentityPool(r -> r.identityPoolId(LocalAws.POOL.value()));
            assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the run ends").isTrue();
            String output = Files.readString(log);

            assertThat(run.exitValue()).as(output).isEqualTo(4);
            List<String> failed = output.lines().filter(line -> line.contains(" failed: ")).toList();
            // The partitions and the enumeration meet the deleted pool in calls of their own, in either order; each
            // says so in the same words, without the SDK's detail. Running the same command again cannot continue a
            // run whose pool is gone: those lines do not say to.
            String gone = "the identity pool " + LocalAws.POOL.value()
                    + " does not exist any more (it was deleted during the run)";
            assertThat(failed).as(output).hasSize(5).allSatisfy(line -> assertThat(line).containsPattern(
                    "FailedStepLog +- (The enumeration of identities|Partition [0-3]) failed: ").endsWith(gone))
                    .anySatisfy(line -> assertThat(line).contains("The enumeration of identities failed: "));
            assertThat(output).contains("run did not complete: " + gone)
                    .doesNotContain("\tat ", "Exception", "Suppressed", "... ", "(Service: ");
            // The identities listed but not yet copied did not leave the pool: the pool left them.
            assertThat(output).doesNotContain("not in the pool any more");
            JsonNode report = new ObjectMapper().readTree(work.resolve("report.json").toFile());
            assertThat(report.path("counts").path("identitiesPassedOver").asLong()).isZero();
        }
    }

    /** How a child migrator's run ended: its exit code and everything it printed. */
    private record Run(int exitCode, String output) {
    }

    /** Runs the migrator in a child JVM against {@code aws} until it ends, its output in {@code <name>.log}. */
    private Run migrate(LocalAws aws, String name) throws Exception {
        Path log = work.resolve(name + ".log");
        Process process = ChildMigrator.start(log, ChildMigrator.migrate(aws, work));
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the " + name + " run ends").isTrue();
        return new Run(process.exitValue(), Files.readString(log));
    }
}
