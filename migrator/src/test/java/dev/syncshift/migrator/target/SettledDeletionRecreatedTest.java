package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A deletion in Cognito Sync that a pass settled by keeping AppSync's data ({@code sourceDeletedAt}) is not settled
 * again when the user then starts the dataset again on Cognito Sync: the new incarnation's records are changes after
 * the watermark, applied beside what AppSync kept, not a deletion that takes AppSync's data away.
 */
class SettledDeletionRecreatedTest extends CutoverScenario {

    @Test
    void aDatasetStartedAgainOnCognitoAfterItsDeletionWasKeptForAppSyncKeepsAppSyncsData() {
        Device phone = cutover.newDevice();
        IdentityId id = new IdentityId(phone.identityId());
        phone.cognitoPush(phone.identityId(), "kept", Map.of("a", "1", "b", "2"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(id);
        phone.appSyncPut("kept", "mine", "device");
        phone.cognitoDelete("kept");
        IdentityOutcome settled = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id);
        assertThat(settled.datasets()).flatMap(DatasetOutcome::conflicts).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isFalse());

        phone.cognitoPut("kept", "fresh", "new");
        IdentityOutcome next = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(id);

        assertThat(values(phone.appSyncRecords("kept", 0))).as("AppSync's records after the user started the dataset "
                + "again on Cognito Sync, its deletion kept for AppSync's side by the pass before (outcome %s)",
                next.datasets()).isEqualTo(Map.of("a", "1", "b", "2", "mine", "device", "fresh", "new"));
    }

    private static Map<String, String> values(Map<String, JsonNode> records) {
        return records.entrySet().stream().filter(e -> !e.getValue().path("deleted").asBoolean())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("value").asText()));
    }
}
