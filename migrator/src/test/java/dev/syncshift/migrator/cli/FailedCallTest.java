package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call that fails for good (here DynamoDB cancelling a transaction for a reason no retry passes, as a role without
 * the permission or an item over the size limit would) fails its partition. The jar's console says so in one line
 * naming the partition and the failure, with no stack trace, and the run ends with exit code 4; the same command then
 * continues and completes the run.
 */
class FailedCallTest {

    private static final int IDENTITIES = 6;

    @TempDir
    Path work;

    @Test
    void aCallThatFailsForGoodEndsItsPartitionInOneLineAndTheSameCommandContinues() throws Exception {
        try (LocalAws aws = LocalAws.start(IDENTITIES)) {
            aws.dynamoDb().cancelTransactions("ValidationError");
            Path log = work.resolve("first.log");
            Process first = ChildMigrator.start(log, ChildMigrator.migrate(aws, work));
            assertThat(first.waitFor(2, TimeUnit.MINUTES)).as("the first run ends").isTrue();
            String output = Files.readString(log);

            assertThat(first.exitValue()).as(output).isEqualTo(4);
            assertThat(output.lines().filter(line -> line.contains(" failed: ")))
                    .as(output).singleElement().asString()
                    .containsPattern("ERROR FailedStepLog +- Partition [0-3] failed: Transaction cancelled, .* "
                            + "\\[ValidationError(, None)*\\] \\(Service: DynamoDb, Status Code: 400, .*\\); "
                            + "run the same command again to continue$");
            assertThat(output).contains("run did not complete: Transaction cancelled")
                    .doesNotContain("\tat ", "Exception", "Suppressed", "... ");

            Process second = ChildMigrator.start(work.resolve("second.log"), ChildMigrator.migrate(aws, work));
            assertThat(second.waitFor(2, TimeUnit.MINUTES)).as("the second run ends").isTrue();
            assertThat(second.exitValue()).as(Files.readString(work.resolve("second.log"))).isZero();
            ChildMigrator.assertRunOneCopiedEverything(aws, work, IDENTITIES);
        }
    }
}
