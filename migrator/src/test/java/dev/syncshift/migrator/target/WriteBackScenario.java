package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.HashMap;
import java.util.Map;

/** A write-back test: the passes before and after it, and what Cognito Sync and the outcome say. */
abstract class WriteBackScenario extends CutoverScenario {

    /** A full pass of {@code identityId}, which must copy every dataset. */
    static void full(String identityId) {
        assertThat(cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(identityId)).datasets())
                .allSatisfy(d -> assertThat(d.failure()).isNull());
    }

    static IdentityOutcome delta(String identityId) {
        return cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(new IdentityId(identityId));
    }

    static DatasetOutcome outcome(IdentityOutcome outcome, String dataset) {
        return outcome.datasets().stream().filter(d -> d.dataset().value().equals(dataset)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + dataset + " in " + outcome));
    }

    /** Cognito's live values of a dataset, read with the SDK as a device on Cognito Sync reads them. */
    static Map<String, String> values(Device app, String dataset) {
        Map<String, String> values = new HashMap<>();
        app.cognitoRecords(dataset).values().stream().filter(r -> r.value() != null)
                .forEach(r -> values.put(r.key(), r.value()));
        return values;
    }

    /** Whether Cognito Sync has {@code dataset} of {@code app}'s identity live. */
    static boolean cognitoExists(Device app, String dataset) {
        return Boolean.TRUE.equals(cutover.syncClient().listRecords(r -> r.identityPoolId(cutover.pool().value())
                .identityId(app.identityId()).datasetName(dataset)).datasetExists());
    }
}
