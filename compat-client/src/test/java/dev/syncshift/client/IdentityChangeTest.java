package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Identity changes on the cognito backend: a login that joins the device's unauthenticated identity to the
 * identity that owns the login. The service moves the old identity's datasets to {@code <name>.<oldId>}; the client
 * renames its local copies the same way and reports them through onDatasetsMerged, without looping or crashing.
 */
@ExtendWith(EmulatorsExtension.class)
class IdentityChangeTest {

    @Test
    void aLoginThatMergesIdentitiesRenamesLocalDatasetsAndReportsThem(Emulators emulators) {
        String owner = Emulators.identityClient(emulators.cognito().endpoint())
                .getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(emulators.poolId())
                        .logins(Map.of("login.compat", "alice"))).identityId();
        try (CognitoSyncManager device = emulators.device(Backend.COGNITO).build()) {
            Dataset prefs = device.openOrCreateDataset("prefs");
            prefs.put("theme", "dark");
            sync(prefs);
            String guest = device.getIdentityId();
            prefs.put("unsynced", "kept");

            device.setLogins(Map.of("login.compat", "alice"));
            RecordingCallback callback = new RecordingCallback();
            prefs.synchronize(callback);

            callback.succeeded();
            assertThat(device.getIdentityId()).isEqualTo(owner);
            String merged = "prefs." + guest;
            assertThat(callback.merged()).containsExactly(merged);
            Dataset old = device.openOrCreateDataset(merged);
            assertThat(old.getAll()).isEqualTo(Map.of("theme", "dark", "unsynced", "kept"));
            assertThat(old.isChanged("unsynced")).isTrue();
            assertThat(device.listDatasets()).extracting(DatasetMetadata::getDatasetName).contains("prefs", merged);
        }
    }
}
