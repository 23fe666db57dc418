package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.Backend;
import dev.syncshift.client.CognitoSyncManager;
import dev.syncshift.client.Dataset;
import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutover undone, with the real compat client: an app switched to AppSync writes there, a write-back pass carries
 * it into Cognito Sync, and the app switched back to {@code cognito} (the same cache file) finds its writes there,
 * beside those of a device that never left Cognito Sync, and its edit made while offline is pushed too.
 */
class GoingBackTest extends CutoverScenario {

    @TempDir
    Path work;

    @Test
    void anAppSwitchedBackToCognitoAfterAWriteBackLosesNothingItWroteOnAppSync() {
        Device stayed = cutover.newDevice();
        stayed.cognitoPush(stayed.identityId(), "settings", Map.of("volume", "7"));
        assertThat(cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(stayed.identityId()))
                .datasets()).allSatisfy(d -> assertThat(d.failure()).isNull());
        Path cache = work.resolve("app.db");
        try (CognitoSyncManager onAppSync = app(Backend.APPSYNC, stayed.identityId(), cache)) {
            Dataset settings = onAppSync.openOrCreateDataset("settings");
            settings.put("theme", "dark");
            settings.synchronizeAsync().orTimeout(1, TimeUnit.MINUTES).join();
            assertThat(settings.getAll()).isEqualTo(Map.of("volume", "7", "theme", "dark"));
        }
        stayed.cognitoPut("settings", "language", "fr");

        IdentityOutcome back = cutover.writeBack().migrate(new IdentityId(stayed.identityId()));

        assertThat(back.datasets()).singleElement().satisfies(d -> assertThat(d.failure()).isNull());
        try (CognitoSyncManager onCognito = app(Backend.COGNITO, stayed.identityId(), cache)) {
            Dataset settings = onCognito.openOrCreateDataset("settings");
            settings.put("font", "large"); // an edit made before the first synchronize on Cognito Sync
            settings.synchronizeAsync().orTimeout(1, TimeUnit.MINUTES).join();
            Map<String, String> expected = Map.of("volume", "7", "theme", "dark", "language", "fr", "font", "large");
            assertThat(settings.getAll()).isEqualTo(expected);
            Map<String, String> cognito = new HashMap<>();
            stayed.cognitoRecords("settings").values().stream().filter(r -> r.value() != null)
                    .forEach(r -> cognito.put(r.key(), r.value()));
            assertThat(cognito).isEqualTo(expected);
        }
    }

    private static CognitoSyncManager app(Backend backend, String identityId, Path cache) {
        return CognitoSyncManager.builder().identityPoolId(cutover.pool().value())
                .cognitoEndpoint(cutover.cognito().endpoint()).appSyncEndpoint(cutover.appSync().endpoint())
                .backend(backend).identityId(identityId).cacheFile(cache).build();
    }
}
