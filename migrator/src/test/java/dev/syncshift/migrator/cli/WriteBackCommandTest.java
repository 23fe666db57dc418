package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate --mode write-back} as an operator going back to Cognito Sync runs it. */
class WriteBackCommandTest extends CutoverScenario {

    @TempDir
    Path work;

    @Test
    void writeBackGivesCognitoTheAppSyncWritesSaysSoAndVerifyThenMatches() throws IOException {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "profile", Map.of("name", "Ada", "city", "London"));
        assertThat(Cli.run(args("migrate", "full.json")).exitCode()).isZero();
        phone.appSyncPut("profile", "name", "Ada Lovelace");
        phone.appSyncPut("settings", "theme", "dark");

        Cli.Result back = Cli.run(args("migrate", "back.json", "--mode", "write-back"));
        Cli.Result verify = Cli.run(args("verify", "verify.json"));

        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("syncshift write-back of " + cutover.pool().value())
                .containsPattern("written back +2 +datasets written into Cognito Sync, 2 records");
        JsonNode report = new ObjectMapper().readTree(work.resolve("back.json").toFile());
        assertThat(report.path("mode").asText()).isEqualTo("write-back");
        assertThat(report.path("counts").path("recordsWrittenBack").asLong()).isEqualTo(2);
        assertThat(phone.cognitoRecords("profile").get("name").value()).isEqualTo("Ada Lovelace");
        assertThat(phone.cognitoRecords("settings").get("theme").value()).isEqualTo("dark");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    @Test
    void aDryRunOfAWriteBackIsAUsageError() {
        Cli.Result result = Cli.run(args("migrate", "dry.json", "--mode", "write-back", "--dry-run"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).containsExactly(
                "migrate: --dry-run cannot be used with --mode write-back, which writes into Cognito Sync",
                "Try 'syncshift-migrator migrate --help'.");
    }

    /** The same refusal where the dry run comes from outside the command line, as SYNCSHIFT_MIGRATOR_DRY_RUN. */
    @Test
    void aDryRunSetOutsideTheCommandLineIsRefusedForAWriteBackAndNothingIsWritten() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "profile", Map.of("name", "Ada"));
        assertThat(Cli.run(args("migrate", "full.json")).exitCode()).isZero();
        phone.appSyncPut("profile", "name", "Ada on AppSync");
        System.setProperty("syncshift.migrator.dry-run", "true");
        Cli.Result back;
        try {
            back = Cli.run(args("migrate", "back.json", "--mode", "write-back"));
        } finally {
            System.clearProperty("syncshift.migrator.dry-run");
        }

        assertThat(back.exitCode()).isEqualTo(2);
        assertThat(back.err().lines().findFirst()).get().asString()
                .contains("cannot be used with mode write-back, which writes into Cognito Sync");
        assertThat(phone.cognitoRecords("profile").get("name").value()).isEqualTo("Ada");
        // the pool is the class's: leave nothing for the other tests' write-backs to count
        assertThat(Cli.run(args("migrate", "settle.json", "--mode", "write-back")).exitCode()).isZero();
    }

    private String[] args(String command, String report, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--work-dir", work.toString(), "--report",
                work.resolve(report).toString(), "--threads", "2", "--progress", "off", "--identity-pool-id",
                cutover.pool().value(), "--table", cutover.tableName(), "--cognito-endpoint",
                cutover.cognito().endpoint().toString(), "--dynamodb-endpoint",
                cutover.dynamoDb().endpoint().toString(), "--region", "us-east-1"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
