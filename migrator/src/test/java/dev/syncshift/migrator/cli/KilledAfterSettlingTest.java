package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.target.ConflictPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass killed with SIGKILL after it settled a conflict in the store but before its chunk committed: the restarted
 * run finds nothing left to settle there, and the conflict, whose AppSync value the pass overwrote, must still be in
 * the report rather than be lost with the chunk.
 */
class KilledAfterSettlingTest extends CutoverScenario {

    @TempDir
    Path work;

    @Test
    void aConflictSettledByAStartKilledBeforeItsChunkCommittedIsStillReported() throws Exception {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "game", Map.of("k1", "c1", "k2", "c2"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(phone.identityId()));
        phone.appSyncPut("game", "k1", "appsync");
        phone.cognitoPut("game", "k1", "cognito-later");
        List<String> identities = new ArrayList<>(List.of(phone.identityId()));
        for (int i = 0; i < 40; i++) { // after the phone in the one partition's chunk, so that it commits late
            Device other = cutover.newDevice();
            other.cognitoPush(other.identityId(), "notes", Map.of("a", "1", "b", "2", "c", "3"));
            identities.add(other.identityId());
        }
        Files.write(work.resolve("ids.txt"), identities);

        Process first = start();
        while (first.isAlive() && !"cognito-later".equals(phone.appSyncRecords("game", 0).get("k1").path("value")
                .asText())) {
            first.waitFor(10, TimeUnit.MILLISECONDS);
        }
        assertThat(first.isAlive()).as("the first start was still running once it settled the conflict").isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Process second = start();
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();

        String log = Files.readString(work.resolve("child.log"));
        assertThat(second.exitValue()).as(log).isZero();
        JsonNode report = new ObjectMapper().readTree(work.resolve("report.json").toFile());
        assertThat(report.path("counts").path("conflicts").asLong()).as(log).isEqualTo(1);
        assertThat(report.path("issues")).singleElement().satisfies(issue -> {
            assertThat(issue.path("kind").asText()).isEqualTo("CONFLICT");
            assertThat(issue.path("identityId").asText()).isEqualTo(phone.identityId());
            assertThat(issue.path("key").asText()).isEqualTo("k1");
            assertThat(issue.path("detail").asText()).contains("Cognito Sync's side kept");
        });
    }

    /** The command: one partition, whose chunk holds every identity, so that it commits only at the end. */
    private Process start() throws java.io.IOException {
        return ChildMigrator.start(work.resolve("child.log"), List.of("migrate", "--identity-pool-id",
                cutover.pool().value(), "--table", cutover.tableName(), "--cognito-endpoint",
                cutover.cognito().endpoint().toString(), "--dynamodb-endpoint",
                cutover.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir", work.toString(),
                "--report", work.resolve("report.json").toString(), "--threads", "1", "--progress", "off",
                "--identities-file", work.resolve("ids.txt").toString()),
                Map.of("SYNCSHIFT_MIGRATOR_CHUNK_SIZE", "1000"));
    }
}
