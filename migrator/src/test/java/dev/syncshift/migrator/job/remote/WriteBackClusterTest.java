package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.Cutover;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.target.ConflictPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write-back pass run as a cluster, as an operator going back to Cognito Sync runs it on many machines: a manager
 * and two workers of {@code --mode write-back}, each its own JVM, over a pool whose devices wrote on AppSync after the
 * migration. The workers write the AppSync changes into Cognito Sync and the manager's report counts them; workers of
 * another mode, still running, take none of its partitions.
 */
class WriteBackClusterTest extends PostgresClusterScenario {

    private static final int DEVICES = 6;

    private Cutover cutover;

    @AfterEach
    void stopCutover() {
        if (cutover != null) {
            cutover.close();
        }
    }

    @Test
    void workersOfTheWriteBackModeGiveCognitoTheAppSyncChangesAndTheManagerCountsThem() throws Exception {
        cutover = Cutover.start();
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            Device device = cutover.newDevice();
            device.cognitoPush(device.identityId(), "profile", Map.of("name", "user " + i, "city", "London"));
            devices.add(device);
        }
        for (Device device : devices) {
            assertThat(cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(device.identityId()))
                    .datasets()).as("the full pass of %s", device.identityId()).singleElement()
                    .satisfies(d -> assertThat(d.failure()).isNull());
        }
        for (int i = 0; i < DEVICES; i++) {
            devices.get(i).appSyncPut("profile", "name", "user " + i + " on AppSync");
        }
        devices.get(0).appSyncPut("settings", "theme", "dark");
        nodes = new ClusterNodes(newDatabase(), cutover.pool().value(), cutover.tableName(),
                cutover.cognito().endpoint(), cutover.dynamoDb().endpoint(), work, List.of());
        Process otherMode = nodes.start("full-worker", "worker", "--threads", "2");
        nodes.awaitReady("full-worker", otherMode);
        Process worker1 = nodes.start("worker1", "worker", "--threads", "2", "--mode", "write-back");
        Process worker2 = nodes.start("worker2", "worker", "--threads", "2", "--mode", "write-back");
        nodes.awaitReady("worker1", worker1);
        nodes.awaitReady("worker2", worker2);

        Path report = work.resolve("back.json");
        Process manager = nodes.start("manager", "manager", "--mode", "write-back", "--threads", "4",
                "--report", report.toString());

        assertThat(exitCodeOf(manager)).as(nodes.allLogs()).isZero();
        for (int i = 0; i < DEVICES; i++) {
            String written = "user " + i + " on AppSync";
            assertThat(devices.get(i).cognitoRecords("profile")).as("device %d in Cognito", i)
                    .hasEntrySatisfying("name", r -> assertThat(r.value()).isEqualTo(written))
                    .hasEntrySatisfying("city", r -> assertThat(r.value()).isEqualTo("London"));
        }
        assertThat(devices.get(0).cognitoRecords("settings").get("theme").value()).isEqualTo("dark");
        JsonNode counts = new ObjectMapper().readTree(report.toFile()).path("counts");
        assertThat(counts.path("datasetsWrittenBack").asLong()).isEqualTo(DEVICES + 1);
        assertThat(counts.path("recordsWrittenBack").asLong()).isEqualTo(DEVICES + 1);
        assertThat(nodes.logOf("manager")).contains("written back");
        assertThat(nodes.logOf("worker1") + nodes.logOf("worker2")).contains("Running partition");
        assertThat(nodes.logOf("full-worker")).doesNotContain("Running partition");
    }
}
